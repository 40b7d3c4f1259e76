# The polgraph API (and CLI) for the Docker route; Neo4j runs in its own container (docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY polgraph ./polgraph
COPY cli ./cli
COPY ingest ./ingest
COPY api ./api
COPY schema ./schema
COPY queries ./queries
COPY export ./export
COPY browser ./browser
COPY data ./data
RUN pip install --no-cache-dir -e .
EXPOSE 8000
# Apply the schema, ingest the sample articles (a re-run changes nothing), then serve.
CMD ["sh", "-c", "polgraph schema apply && polgraph ingest data/articles && polgraph serve"]
