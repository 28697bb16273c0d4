package haalcentraal

import (
	"context"
	"slices"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
)

// parentFields are asked for a person's parents: who they are, and the BSNs
// of their children, the person's brothers and sisters.
var parentFields = append(append([]string{}, personFields...), "kinderen.burgerservicenummer")

// Relatives finds the persons the register links to bsn, to offer as
// relations: the person with their parents (Find), the parents with their
// children, those children, and everyone at the person's address
// (AtAddress). A parent, brother or sister whose person list the register
// no longer keeps (deceased, emigrated) is left out. A person the register
// marks secret (geheimhoudingPersoonsgegevens) has no housemates: their
// address is not searched. Nor is a secret person anyone's housemate. An
// unknown BSN and a register that cannot be reached give Find's errors.
func (c *Client) Relatives(ctx context.Context, bsn string) (population.Relatives, error) {
	var out population.Relatives
	me, err := c.Find(ctx, bsn)
	if err != nil {
		return out, err
	}
	seen := map[string]bool{bsn: true}
	var siblings []string
	if len(me.ParentBSNs) > 0 {
		parents, err := c.raadpleeg(ctx, me.ParentBSNs, parentFields)
		if err != nil {
			return out, err
		}
		for _, p := range parents {
			for _, k := range p.Kinderen {
				if model.ValidBSN(k.Burgerservicenummer) && !seen[k.Burgerservicenummer] && !slices.Contains(me.ParentBSNs, k.Burgerservicenummer) {
					seen[k.Burgerservicenummer] = true
					siblings = append(siblings, k.Burgerservicenummer)
				}
			}
			if r, err := p.record(); err == nil && !seen[r.Person.BSN] {
				seen[r.Person.BSN] = true
				out.Parents = append(out.Parents, r.Person)
			}
		}
	}
	for len(siblings) > 0 {
		n := min(len(siblings), maxBSNs)
		found, err := c.raadpleeg(ctx, siblings[:n], personFields)
		if err != nil {
			return out, err
		}
		for _, p := range found {
			if r, err := p.record(); err == nil {
				out.Siblings = append(out.Siblings, r.Person)
			}
		}
		siblings = siblings[n:]
	}
	if me.Person.Postcode == "" || me.Person.HouseNumber == "" {
		return out, nil // abroad or address unknown: nobody lives with them as far as the register says
	}
	if me.Person.Secret {
		return out, nil // a secret address is not searched
	}
	housemates, err := c.AtAddress(ctx, me.Person.Postcode, me.Person.HouseNumber)
	if err != nil {
		return out, err
	}
	for _, r := range housemates {
		if !seen[r.Person.BSN] && !r.Person.Secret {
			seen[r.Person.BSN] = true
			out.Housemates = append(out.Housemates, r.Person)
		}
	}
	return out, nil
}
