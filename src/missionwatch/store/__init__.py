"""Storage: claims, documents, entities and rejections in SQLite (default) or PostgreSQL.

    from missionwatch.store import Store
    with Store("missionwatch.db") as store:
        store.add_claims(doc.claims)
        for claim in store.claims(mission="mission:nmi", kind="mission.status"):
            ...
"""

from missionwatch.store.database import Rejection, Store

__all__ = ["Rejection", "Store"]
