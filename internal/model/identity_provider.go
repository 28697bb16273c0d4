package model

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// IdentityProvider is an organisation's own OpenID Connect provider, through
// which its professionals log in (issue 21). The client secret is sealed
// with the region's keys and never shown again once saved.
type IdentityProvider struct {
	OrganisationID int64
	Issuer         string
	ClientID       string
	SealedSecret   []byte
	// EmailClaim is the ID token's claim that holds the professional's
	// e-mail address: "email" at most providers, "preferred_username" or
	// "upn" at some Entra ID tenants.
	EmailClaim string
	// MFAAcr are the acr values the region counts as a second factor,
	// beside the amr values in SecondFactorAMR.
	MFAAcr []string
	// Domains are the e-mail domains whose professionals are sent to this
	// provider from the login page.
	Domains []string
	// PasswordLogin: the organisation's professionals may still log in with
	// Jeugdketen's own password and code.
	PasswordLogin bool
	UpdatedAt     time.Time
}

// SecondFactorAMR are the amr values (RFC 8176) that say the provider
// asked for more than a password.
var SecondFactorAMR = []string{"mfa", "otp", "hwk", "swk", "sms", "tel", "fpt", "face", "iris", "retina", "vbm", "sc", "pop"}

// AssertsSecondFactor reports whether a login the provider describes with
// amr and acr used a second factor.
func (p IdentityProvider) AssertsSecondFactor(amr []string, acr string) bool {
	for _, a := range amr {
		for _, s := range SecondFactorAMR {
			if strings.EqualFold(a, s) {
				return true
			}
		}
	}
	for _, v := range p.MFAAcr {
		if acr != "" && acr == v {
			return true
		}
	}
	return false
}

// HandlesEmail reports whether the provider is the way in for an e-mail
// address, by its domain.
func (p IdentityProvider) HandlesEmail(email string) bool {
	at := strings.LastIndexByte(email, '@')
	if at < 0 {
		return false
	}
	domain := strings.ToLower(strings.TrimSpace(email[at+1:]))
	for _, d := range p.Domains {
		if d == domain {
			return true
		}
	}
	return false
}

var (
	claimName  = regexp.MustCompile(`^[A-Za-z0-9_.:/-]{1,100}$`)
	domainName = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$`)
)

// Validate checks a provider as the administrator fills it in; hasSecret
// says whether a client secret is given or kept from before.
func (p IdentityProvider) Validate(hasSecret bool) error {
	var inv []InvalidParam
	if u, err := url.Parse(p.Issuer); p.Issuer == "" || err != nil || u.Host == "" || (u.Scheme != "https" && !loopback(u.Hostname())) {
		inv = append(inv, InvalidParam{"issuer", "Vul de issuer-URL van de identity provider in, zoals https://login.organisatie.nl/realms/medewerkers (https)."})
	}
	if strings.TrimSpace(p.ClientID) == "" || len(p.ClientID) > 500 {
		inv = append(inv, InvalidParam{"client-id", "Vul de client-id in die de identity provider aan Jeugdketen gaf."})
	}
	if !hasSecret {
		inv = append(inv, InvalidParam{"client-secret", "Vul het client-secret in dat de identity provider aan Jeugdketen gaf."})
	}
	if !claimName.MatchString(p.EmailClaim) {
		inv = append(inv, InvalidParam{"email-claim", "Vul de naam van de claim met het e-mailadres in, zoals email of preferred_username."})
	}
	for _, d := range p.Domains {
		if !domainName.MatchString(d) {
			inv = append(inv, InvalidParam{"domeinen", "Vul e-maildomeinen in zoals organisatie.nl, gescheiden door spaties; '" + d + "' is geen domein."})
			break
		}
	}
	return Invalid("De identity provider is niet volledig of niet juist ingevuld.", inv...)
}

// loopback allows http for a provider on this machine: the demo and the
// tests run one there. Anywhere else the secret and the tokens need https.
func loopback(host string) bool { return host == "127.0.0.1" || host == "localhost" || host == "::1" }
