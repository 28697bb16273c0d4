#!/usr/bin/env python3
"""Controleert de handtekening van een webhook van Jeugdketen (docs/koppelingen.md).

Als module: verify(geheim, tijdstip, handtekening, body) in de ontvanger van
het clientsysteem, met de body als bytes precies zoals ontvangen.

Als script, zoals webhook_check.sh:
    webhook_check.py GEHEIM TIJDSTIP HANDTEKENING BODYBESTAND
Afsluitcode 0: echt en vers; 1: handtekening klopt niet; 2: tijdstip te oud.
"""
import hashlib
import hmac
import json
import sys
import time

TOLERANTIE = 300  # seconden: een ouder bericht kan een opgenomen kopie zijn


class OngeldigeHandtekening(Exception):
    pass


class TeOud(Exception):
    pass


def verify(secret: str, timestamp: str, signature: str, body: bytes, now=None) -> dict:
    """Geeft de gebeurtenis terug als de handtekening klopt en het tijdstip vers is."""
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    # compare_digest: even lang over elke vergelijking, zodat de tijd niets verraadt.
    if not hmac.compare_digest(expected, signature):
        raise OngeldigeHandtekening("handtekening klopt niet")
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > TOLERANTIE:
        raise TeOud("tijdstip te ver van nu")
    return json.loads(body)


def main(argv):
    secret, timestamp, signature, path = argv[1:5]
    with open(path, "rb") as f:
        body = f.read()
    try:
        event = verify(secret, timestamp, signature, body)
    except OngeldigeHandtekening as e:
        print(e, file=sys.stderr)
        return 1
    except TeOud as e:
        print(e, file=sys.stderr)
        return 2
    # Een gebeurtenis kan dubbel komen: sla het id op en negeer een bekend id.
    print(f"handtekening klopt: gebeurtenis {event['id']} ({event['soort']}) over {event['jeugdige']['referentie']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
