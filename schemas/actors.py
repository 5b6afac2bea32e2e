"""The pandera model of the published `actors` table: its columns, types, checks and descriptions."""

import pandera.polars as pa
import polars as pl


class ActorsSchema(pa.DataFrameModel):
    """One row per real-world actor, deduplicated across documents."""

    actor_id: str = pa.Field(unique=True, str_matches=r"^[a-z0-9][a-z0-9-]*$", description="Stable slug of the canonical name, e.g. ilham-aliyev.")
    name: str = pa.Field(description="Canonical display name.")
    actor_type: str = pa.Field(isin=["person", "organization", "country", "location"], description="person, organization, country or location.")
    country_iso3: str = pa.Field(nullable=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code of the actor's country.")
    description: str = pa.Field(nullable=True, description="Role or title the texts give, e.g. President of Azerbaijan.")
    aliases: pl.List(pl.String) = pa.Field(description="Every surface form seen, canonical name included.")
    n_mentions: int = pa.Field(ge=0, description="Mentions across all documents.")
    n_documents: int = pa.Field(ge=0, description="Distinct documents that mention the actor.")

    class Config:
        strict = False  # extra columns are allowed by the contract
