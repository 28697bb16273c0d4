#!/bin/sh
# Controleert de handtekening van een webhook van Jeugdketen (docs/koppelingen.md).
#
#   webhook_check.sh GEHEIM TIJDSTIP HANDTEKENING BODYBESTAND
#
# GEHEIM is het geheim dat de regiobeheerder kreeg bij het registreren van de
# webhook; TIJDSTIP en HANDTEKENING zijn de koppen X-Jeugdketen-Tijdstip en
# X-Jeugdketen-Signature; BODYBESTAND bevat de body precies zoals ontvangen
# (byte voor byte: niet opnieuw opgemaakt). Afsluitcode 0: echt en vers;
# 1: handtekening klopt niet; 2: tijdstip meer dan 5 minuten van nu (een
# opgenomen bericht dat opnieuw wordt afgespeeld).
set -eu
secret=$1 timestamp=$2 signature=$3 body=$4

# HMAC-SHA256 van "<tijdstip>.<body>", met het geheim als sleutel, in hex.
expected=$( { printf '%s.' "$timestamp"; cat "$body"; } |
	openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= *//')

if [ "$expected" != "$signature" ]; then
	echo "handtekening klopt niet" >&2
	exit 1
fi
now=$(date +%s)
age=$((now - timestamp))
if [ "$age" -gt 300 ] || [ "$age" -lt -300 ]; then
	echo "tijdstip te ver van nu ($age s)" >&2
	exit 2
fi
echo "handtekening klopt: gebeurtenis $(sed -n 's/^{"id":\([0-9]*\).*/\1/p' "$body")"
