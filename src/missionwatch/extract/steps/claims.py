"""Step 8, ``claims``: turn the annotations into source-cited claims.

Rule families (``extract/claims/``), each over one sentence with the document's indexes:
mission status, consent, mandate, personnel and caps (``mission.py``); transfers between
frameworks, meetings and membership (``framework.py``); statements from the quotes step
(``statements.py``). Event claims come from the ``events`` step. Captions and credits yield
no statements, but a caption may still date a meeting; credit and byline lines yield nothing.
Every claim is checked against the vocabulary before it is kept.
"""

from __future__ import annotations

from missionwatch.document import Document
from missionwatch.errors import InvalidClaim
from missionwatch.extract.claims import framework, mission
from missionwatch.extract.claims.context import ClaimContext
from missionwatch.extract.claims.statements import statements
from missionwatch.extract.pipeline import step
from missionwatch.model import Claim
from missionwatch.vocab import vocabulary

SENTENCE_RULES = (
    mission.status,
    mission.consent,
    mission.mandate,
    mission.personnel_and_caps,
    framework.transfers,
    framework.meetings,
    framework.memberships,
)


@step("claims", requires=("sentences", "mentions", "times", "quantities", "quotes"),
      assigns=("claims",))
def claims(doc: Document) -> None:
    ctx = ClaimContext(doc)
    found: list[Claim] = []
    for sent in doc.sentences:
        if sent.role in {"credit", "byline"}:
            continue
        for rule in SENTENCE_RULES:
            found.extend(rule(ctx, sent))
    found.extend(statements(ctx))
    vocab = vocabulary()
    seen = {c.id for c in doc.claims}
    for claim in found:
        try:
            vocab.check(claim.kind, claim.value, claim.qualifiers, claim.modality)
        except InvalidClaim as exc:
            # a rule produced something the vocabulary refuses: never store it, but keep
            # the reason visible in the document's metadata (extract --json shows it)
            doc.meta.setdefault("refused_claims", []).append(str(exc))
            continue
        if claim.id not in seen:
            seen.add(claim.id)
            doc.claims.append(claim)
