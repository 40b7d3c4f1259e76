"""Getting the graph out as files: coded events as rows (`events`) and the whole graph (`graph`)."""
