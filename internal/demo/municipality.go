package demo

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/auth"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/region"
)

// municipality adds the municipality of Eindhoven, which only monitors, and
// its monitoring account: after login it lands on the aggregated figures.
func municipality(ctx context.Context, adm *region.Service, people *auth.People, who audit.Actor) (Login, error) {
	org, err := adm.CreateOrganisation(ctx, who, model.Organisation{Name: "Gemeente Eindhoven", Type: model.TypeGemeente, Municipality: "Eindhoven"})
	if err != nil {
		return Login{}, err
	}
	p, err := adm.CreateProfessional(ctx, who, model.Professional{
		OrganisationID: org.ID, Name: "Wendy Claassen", Email: "w.claassen@gemeente-eindhoven.example",
		Phone: "040-238 60 00", Monitoring: true,
	})
	if err != nil {
		return Login{}, err
	}
	token, err := adm.CreateProfessionalToken(ctx, who, p.Email)
	if err != nil {
		return Login{}, err
	}
	if err := people.SetChosenPassword(ctx, who, p.ID, Password); err != nil {
		return Login{}, err
	}
	totp, err := people.EnrolDirectly(ctx, p.ID, p.Email)
	if err != nil {
		return Login{}, err
	}
	return Login{
		Name: p.Name, Email: p.Email, Phone: p.Phone, Organisation: org.Name, OrgID: org.ID,
		Type: string(org.Type), Role: string(org.Role), Monitoring: true, Token: token,
		Password: Password, TOTPSecret: totp,
	}, nil
}
