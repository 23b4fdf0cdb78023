"""Deal ids: BUYER-SELLER-SYSTEM, the buyer's and the seller's country codes and the system's
designation key ("TUR-RUS-S-400"). From procurement-event 1.3.0 a record may have no seller
(the text names none); its deal id then says XXX for the seller, ICAO Doc 9303's code for an
unspecified nationality (ISO 3166 leaves the X codes to users, so no country has it)."""

from __future__ import annotations

UNNAMED_SELLER = "XXX"


def compose(buyer_country: str, seller_country: str | None, system_key: str) -> str:
    """The deal id of a buyer, a seller (None: not named) and a system's designation key."""
    seller = UNNAMED_SELLER if seller_country is None else seller_country
    return f"{buyer_country}-{seller}-{system_key}"


def parts(deal_id: str) -> tuple[str, str, str]:
    """The buyer code, seller code and system key of a schema-valid deal id."""
    buyer, seller, system = deal_id.split("-", 2)
    return buyer, seller, system
