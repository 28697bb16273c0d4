package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/demo"
	"github.com/jeugdketen/jeugdketen/internal/mailcatcher"
	"github.com/jeugdketen/jeugdketen/internal/oidcstub"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/population/brpstub"
	"github.com/jeugdketen/jeugdketen/internal/population/haalcentraal"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/server"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// demo starts a fresh demo region: its own database, keys and mail catcher
// in a data folder, and a stand-in of the population register's API (BRP
// API Personen) serving RvIG's test persons, which the region asks through
// the same client as a real register; and prints how to use it.
func runDemo(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("demo")
	dir := fs.String("dir", env("DEMO_DIR", "jeugdketen-demo"), "data folder; its demo database is made anew")
	addr := fs.String("addr", env("ADDR", "127.0.0.1:8080"), "address to listen on")
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		return err
	}
	dbPath, keysPath := filepath.Join(*dir, "demo.db"), filepath.Join(*dir, "demo.keys")
	for _, f := range []string{dbPath, dbPath + "-wal", dbPath + "-shm", keysPath, filepath.Join(*dir, "demo.json")} {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	rules, err := covenant.Open(*cov)
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := secret.GenerateFile(keysPath); err != nil {
		return err
	}
	keys, err := loadKeys(ctx, db, keysPath)
	if err != nil {
		return err
	}
	catcher, err := mailcatcher.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer catcher.Close()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	brpURL, stopBRP, err := startDemoBRP()
	if err != nil {
		return err
	}
	defer stopBRP()
	register, err := haalcentraal.New(haalcentraal.Config{URL: brpURL, Log: log})
	if err != nil {
		return err
	}
	srv, err := server.Start(server.Config{
		Addr: *addr, DB: db, Keys: keys, Covenant: rules, Log: log, Population: register,
		SMTP:         "smtp://" + catcher.Addr() + "?tls=none&from=verwijsindex@jeugdketen.example",
		MailInterval: 500 * time.Millisecond,
		Mount: func(mux *http.ServeMux) {
			mux.Handle("/demo/mail/", http.StripPrefix("/demo/mail", catcher.Handler()))
		},
		MailView: "/demo/mail/",
	})
	if err != nil {
		return err
	}
	defer srv.Close()
	region, err := demo.Seed(ctx, db, keys, srv.Registry, srv.Region, srv.People)
	if err != nil {
		return err
	}
	idp, ggd, err := demoProvider(ctx, srv.People, region)
	if err != nil {
		return err
	}
	defer idp.Close()
	base := "http://" + srv.Addr()
	info := struct {
		Address  string `json:"adres"`
		Mail     string `json:"mail"`
		Database string `json:"database"`
		BRP      string `json:"brp"`
		demo.Region
	}{base, base + "/demo/mail/", dbPath, brpURL, region}
	data, _ := json.MarshalIndent(info, "", "  ")
	if err := os.WriteFile(filepath.Join(*dir, "demo.json"), data, 0o600); err != nil {
		return err
	}
	printDemo(out, base, brpURL, *dir, region, rules.Name)
	fmt.Fprintf(out, "\nInloggen via de eigen identity provider: de medewerkers van %s kiezen op %s/inloggen\n", ggd.Organisation, base)
	fmt.Fprintf(out, "  'Inloggen via %s' (of vullen alleen hun e-mailadres in, zoals %s). De demo-provider\n", ggd.Organisation, ggd.Email)
	fmt.Fprintf(out, "  (mockoidc, %s) vraagt wie u bent; zonder tweede factor vraagt Jeugdketen zijn eigen code.\n", idp.Issuer())
	<-ctx.Done()
	return nil
}

// startDemoBRP serves the BRP API stand-in with RvIG's test persons on a
// free port of this machine, and returns its base URL.
func startDemoBRP() (string, func(), error) {
	stub, err := brpstub.New(population.TestPersons())
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("demo: unable to start the BRP stand-in: %w", err)
	}
	srv := &http.Server{Handler: stub, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + brpstub.BasePath, func() { srv.Close() }, nil
}

func printDemo(w io.Writer, base, brpURL, dir string, r demo.Region, covenantName string) {
	fmt.Fprintf(w, "Jeugdketen demo draait op %s (convenant: %s)\n", base, covenantName)
	fmt.Fprintf(w, "Inloggen:            %s/inloggen  wachtwoord %q, code: jeugdketen totp <TOTP-geheim>\n", base, demo.Password)
	fmt.Fprintf(w, "Verstuurde e-mail:   %s/demo/mail/\n", base)
	fmt.Fprintf(w, "API-beschrijving:    %s/api/v1/openapi.json\n", base)
	fmt.Fprintf(w, "Basisregistratie:    %s/personen (BRP API Personen, stand-in met de testpersonen van RvIG)\n", brpURL)
	fmt.Fprintf(w, "Alle logins en tokens staan ook in %s\n", filepath.Join(dir, "demo.json"))
	fmt.Fprintln(w, "Het demo-wachtwoord geldt als zelf gekozen: u hoeft het niet te wijzigen (wel kan het, onder Wachtwoord wijzigen).")
	fmt.Fprint(w, "Een wachtwoord dat de regiobeheerder geeft (nieuwe medewerker, nieuw wachtwoord) wijzigt de medewerker bij het eerste inloggen.\n\n")
	fmt.Fprintln(w, "Medewerkers (inloggen: e-mail, wachtwoord, en de code bij het TOTP-geheim; of het API-token):")
	for _, p := range r.Professionals {
		admin := ""
		if p.Admin {
			admin = "  [regiobeheerder]"
		}
		if p.Monitoring {
			admin = "  [monitoringsaccount: alleen de cijfers onder /monitoring]"
		}
		fmt.Fprintf(w, "  %-42s %-38s %-13s TOTP %s  token %s%s\n", p.Organisation, p.Email, p.Role, p.TOTPSecret, p.Token, admin)
	}
	fmt.Fprintln(w, "\nKoppelingen (token van de organisatie; noem de medewerker in 'medewerker'):")
	for _, c := range r.ClientSystems {
		fmt.Fprintf(w, "  %-42s %s  (bijv. medewerker %s)\n", c.Organisation, c.Token, c.ActsFor)
	}
	fmt.Fprintln(w, "\nJeugdigen om mee te proberen (testpersonen van RvIG; met kenmerk: al geregistreerd):")
	for _, y := range r.Youths {
		fmt.Fprintf(w, "  %s  %-36s %-10s %s\n", y.BSN, y.Name, y.Reference, y.Note)
	}
	var gi demo.Login
	for _, p := range r.Professionals {
		if p.Type == "gi" {
			gi = p
			break
		}
	}
	fmt.Fprintf(w, "\nProbeer (de GI registreert Jason, bij wie school en SMW al betrokken zijn):\n")
	fmt.Fprintf(w, "  curl -s -X POST %s/api/v1/registraties -H 'Authorization: Bearer %s' \\\n", base, gi.Token)
	fmt.Fprintf(w, "       -H 'Content-Type: application/json' -d '{\"burgerservicenummer\":\"%s\",\"soort\":\"ketenregistratie\"}'\n", r.Youths[0].BSN)
	if f := r.Family; f.Email != "" {
		fmt.Fprintf(w, "\nEen gezin (twee kinderen op één adres, elk met een andere coördinator): log in als %s\n", f.Email)
		fmt.Fprintf(w, "  en open %s/jeugdigen/%s: 'Op hetzelfde adres' en 'Relaties' (de vader is gekoppeld).\n", base, f.Reference)
		fmt.Fprintf(w, "  curl -s %s/api/v1/jeugdigen/%s/relaties -H 'Authorization: Bearer %s'\n", base, f.Reference, f.Token)
		fmt.Fprintf(w, "\nDe coördinator: %s accepteerde de coördinatie voor deze jeugdige, belde de school en maakte\n", f.Email)
		fmt.Fprintf(w, "  een afspraak in het plan van aanpak. Zie %s/werklijst en het plan op de pagina van de jeugdige.\n", base)
		fmt.Fprintf(w, "  Schoolmaatschappelijk werk moet de coördinatie voor Jason nog accepteren (zijn pagina, of de werklijst).\n")
	}
	if h := r.History; h.Registrations > 0 {
		fmt.Fprintf(w, "\nMonitoring: een jaar geschiedenis in gemeente %s (%d registraties over %d jeugdigen, bij eigen\n", h.Municipality, h.Registrations, h.Youths)
		fmt.Fprintf(w, "  organisaties 'demogeschiedenis'); de cijfers van %d maanden zijn gemaakt. Log in als het monitoringsaccount\n", h.Months)
		fmt.Fprintf(w, "  en open %s/monitoring.\n", base)
	}
	fmt.Fprintln(w, "\nStoppen: Ctrl-C.")
}

// demoProvider runs an OpenID provider on this machine for the GGD, so that
// a newcomer can try the login through an organisation's own provider
// (issue 21); it returns the provider and one of the GGD's professionals.
func demoProvider(ctx context.Context, people *auth.People, r demo.Region) (*oidcstub.Provider, demo.Login, error) {
	var ggd demo.Login
	for _, p := range r.Professionals {
		if p.Type == "jgz" {
			ggd = p
			break
		}
	}
	idp, err := oidcstub.Start(true)
	if err != nil {
		return nil, ggd, err
	}
	domain := ggd.Email[strings.LastIndexByte(ggd.Email, '@')+1:]
	err = people.SaveProvider(ctx, audit.Actor{Role: "beheerder", Source: "demo"}, ggd.OrgID, auth.ProviderSettings{
		Issuer: idp.Issuer(), ClientID: idp.ClientID(), ClientSecret: idp.ClientSecret(), EmailClaim: "email", Domains: domain, PasswordLogin: true})
	if err != nil {
		idp.Close()
		return nil, ggd, err
	}
	return idp, ggd, nil
}
