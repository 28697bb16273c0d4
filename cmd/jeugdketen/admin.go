package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/region"
	"github.com/jeugdketen/jeugdketen/internal/secret"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// operator is who the audit trail names for command-line actions.
func operator() audit.Actor {
	user := os.Getenv("USER")
	if user == "" {
		user = "onbekend"
	}
	return audit.Actor{Role: "beheerder", Source: "cli:" + user}
}

func migrate(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("migrate")
	dbPath := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "database is up to date:", *dbPath)
	return db.Close()
}

func orgAdd(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("org add")
	dbPath := dbFlag(fs)
	name := fs.String("name", "", "name of the organisation")
	typ := fs.String("type", "", "type: "+model.OrgTypeList())
	role := fs.String("role", "", "signaalgever or zorgaanbieder (default by type)")
	municipality := fs.String("municipality", "", "municipality")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withRegion(ctx, *dbPath, func(s *region.Service) error {
		o, err := s.CreateOrganisation(ctx, operator(), model.Organisation{Name: *name, Type: model.OrgType(*typ), Role: model.Role(*role), Municipality: *municipality})
		if err != nil {
			return err
		}
		fmt.Fprintln(out, o.ID)
		return nil
	})
}

func userAdd(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("user add")
	dbPath := dbFlag(fs)
	org := fs.Int64("org", 0, "organisation id")
	name := fs.String("name", "", "full name")
	email := fs.String("email", "", "e-mail address (also the login)")
	phone := fs.String("phone", "", "phone number colleagues can call")
	admin := fs.Bool("admin", false, "regional administrator")
	monitor := fs.Bool("monitor", false, "municipality monitoring account: aggregated figures only, never a youth")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withRegion(ctx, *dbPath, func(s *region.Service) error {
		p, err := s.CreateProfessional(ctx, operator(), model.Professional{OrganisationID: *org, Name: *name, Email: *email, Phone: *phone, Admin: *admin, Monitoring: *monitor})
		if err != nil {
			return err
		}
		password := auth.NewPassword()
		if err := (&auth.People{DB: s.DB}).SetPassword(ctx, operator(), p.ID, password); err != nil {
			return err
		}
		fmt.Fprintln(out, p.ID)
		fmt.Fprintf(out, "eerste wachtwoord (één keer getoond; bij de eerste keer inloggen stelt %s de tweede factor in en kiest een eigen wachtwoord): %s\n", p.Email, password)
		return nil
	})
}

// userPassword gives a professional a new random password, for one who
// forgot theirs; their sessions end.
func userPassword(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("user password")
	dbPath := dbFlag(fs)
	email := fs.String("email", "", "e-mail address of the professional")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withRegion(ctx, *dbPath, func(s *region.Service) error {
		var id int64
		if err := s.DB.View(ctx, func(tx *storage.Tx) error {
			p, err := tx.ProfessionalByEmail(ctx, *email)
			if err == storage.ErrNotFound {
				return model.InvalidField("email", "Er is geen medewerker met dit e-mailadres.")
			}
			id = p.ID
			return err
		}); err != nil {
			return err
		}
		password := auth.NewPassword()
		if err := (&auth.People{DB: s.DB}).SetPassword(ctx, operator(), id, password); err != nil {
			return err
		}
		fmt.Fprintln(out, password)
		return nil
	})
}

func tokenCreate(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("token create")
	dbPath := dbFlag(fs)
	email := fs.String("email", "", "token for this professional")
	org := fs.Int64("org", 0, "token for this organisation's client system")
	scope := fs.String("scope", string(model.ScopeFull), "with --org: 'volledig', or 'synchronisatie' for a token that may only synchronise")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*email == "") == (*org == 0) {
		return errors.New("give exactly one of --email or --org")
	}
	if *email != "" && *scope != string(model.ScopeFull) {
		return errors.New("--scope limits an organisation's token (--org) only")
	}
	return withRegion(ctx, *dbPath, func(s *region.Service) error {
		var token string
		var err error
		if *email != "" {
			token, err = s.CreateProfessionalToken(ctx, operator(), *email)
		} else {
			token, err = s.CreateScopedOrganisationToken(ctx, operator(), *org, model.TokenScope(*scope))
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(out, token)
		return nil
	})
}

func withRegion(ctx context.Context, dbPath string, fn func(*region.Service) error) error {
	db, err := storage.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	return cliError(fn(&region.Service{DB: db}))
}

// cliError puts a Dutch application error with its fields on one line.
func cliError(err error) error {
	if err == nil || model.ErrorCode(err) == model.EINTERNAL {
		return err
	}
	msg := model.ErrorMessage(err)
	for _, p := range model.ErrorParams(err) {
		msg += fmt.Sprintf("\n  %s: %s", p.Name, p.Reason)
	}
	return errors.New(msg)
}

func importPopulation(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("import population")
	dbPath := dbFlag(fs)
	keysPath := keysFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: jeugdketen import population [--db FILE] [--keys FILE] FILE")
	}
	records, stats, err := population.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	keys, err := loadKeys(ctx, db, *keysPath)
	if err != nil {
		return err
	}
	if err := storage.NewLocalRegister(db, keys).Import(ctx, records, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d persons imported, %d skipped\n", len(records), stats.Skipped)
	for reason, n := range stats.SkippedReasons {
		fmt.Fprintf(out, "  skipped %d: %s\n", n, reason)
	}
	return nil
}

func keysGenerate(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("keys generate")
	keysPath := keysFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := secret.GenerateFile(*keysPath); err != nil {
		return err
	}
	fmt.Fprintln(out, "keys written to", *keysPath, "- keep a copy apart from the database backups")
	return nil
}

func auditVerify(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("audit verify")
	dbPath := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	n, broken, err := audit.Verify(ctx, db)
	if err != nil {
		return err
	}
	if broken != nil {
		return fmt.Errorf("audit trail broken at record %d: %s (%d records read)", broken.ID, broken.Reason, n)
	}
	fmt.Fprintf(out, "audit trail intact: %d records\n", n)
	return nil
}

func rulesShow(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("rules show")
	cov := fs.String("covenant", env("COVENANT", "brabant"), "covenant preset or rules file")
	if err := parse(fs, args); err != nil {
		return err
	}
	c, err := covenant.Open(*cov)
	if err != nil {
		return err
	}
	for _, line := range c.Explain() {
		fmt.Fprintln(out, line)
	}
	fmt.Fprintln(out, "Acties in het plan van aanpak: "+strings.Join(c.Coordination.Actions, "; "))
	for _, w := range c.Warnings {
		fmt.Fprintln(out, "Let op: "+w)
	}
	return nil
}
