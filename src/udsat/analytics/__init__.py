"""DuckDB SQL over person-year Parquet; ends in a disclosure-checked bundle."""
