"""The `polgraph` command line (typer): `cli.main` holds the app, `cli.query` its query and serve commands."""
