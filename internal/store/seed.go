package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/roster"
)

// Seed is a whole starting data set (the demo), inserted in one transaction.
type Seed struct {
	Sites   []SeedSite
	Users   []account.User
	Firms   []string
	Lawyers []SeedLawyer
	// Rules and Pools name their site by index into Sites.
	Rules []SeedRule
	Pools []SeedPool
	// NotaryMatters is the notary office's catalogue.
	NotaryMatters []notary.Matter
	// Advisors and AdvisorLogs name sites and lawyers by index too.
	Advisors    []SeedAdvisor
	AdvisorLogs []SeedAdvisorLog
	// Committees are people's mediation committees, each sitting at
	// Sites[Site] (-1: none).
	Committees []SeedCommittee
}

// SeedCommittee is a mediation committee and the index of its site.
type SeedCommittee struct {
	Committee mediation.Committee
	Site      int
}

// SeedRule is a duty rule for Sites[Site].
type SeedRule struct {
	Site int
	Rule roster.Rule
}

// SeedPool lists Lawyers (by index) who may serve at Sites[Site].
type SeedPool struct {
	Site    int
	Lawyers []int
}

// SeedSite names its parent by index into Seed.Sites (-1 for none).
type SeedSite struct {
	Site   network.Site
	Parent int
}

// SeedLawyer names its account and firm by index.
type SeedLawyer struct {
	User          int
	Firm          int
	LicenseNo     string
	LicensedSince time.Time
	Specialties   string
	HomeTownship  string
	WorkPhone     string
}

// SeedOnce inserts d unless the database already has sites; it reports
// whether it seeded.
func (s *Store) SeedOnce(ctx context.Context, d Seed) (bool, error) {
	seeded := false
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM sites`); err != nil || n > 0 {
			return err
		}
		ids, err := s.seedSites(ctx, tx, d.Sites)
		if err != nil {
			return err
		}
		if err := s.seedPeople(ctx, tx, d); err != nil {
			return err
		}
		if err := s.seedDuty(ctx, tx, d, ids); err != nil {
			return err
		}
		if err := s.seedNotary(ctx, tx, d.NotaryMatters); err != nil {
			return err
		}
		if err := s.seedAdvisors(ctx, tx, d, ids); err != nil {
			return err
		}
		if err := seedCommittees(ctx, tx, d.Committees, ids); err != nil {
			return err
		}
		seeded = true
		return nil
	})
	return seeded, err
}

func (s *Store) seedSites(ctx context.Context, tx *sqlx.Tx, sites []SeedSite) ([]int64, error) {
	ids := make([]int64, len(sites))
	for i, ss := range sites {
		site := ss.Site
		if ss.Parent >= 0 {
			site.ParentID = &ids[ss.Parent]
		}
		if err := s.insertSite(ctx, tx, &site); err != nil {
			return nil, err
		}
		ids[i] = site.ID
	}
	return ids, nil
}

func (s *Store) seedDuty(ctx context.Context, tx *sqlx.Tx, d Seed, siteIDs []int64) error {
	for _, sr := range d.Rules {
		r := sr.Rule
		r.SiteID = siteIDs[sr.Site]
		if err := s.insertRule(ctx, tx, &r); err != nil {
			return err
		}
	}
	for _, p := range d.Pools {
		for _, l := range p.Lawyers {
			userID := d.Users[d.Lawyers[l].User].ID
			if _, err := tx.ExecContext(ctx, `INSERT INTO site_lawyers (site_id, lawyer_id) VALUES (?, ?)`, siteIDs[p.Site], userID); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) seedPeople(ctx context.Context, tx *sqlx.Tx, d Seed) error {
	userIDs := make([]int64, len(d.Users))
	for i := range d.Users {
		if err := s.insertUser(ctx, tx, &d.Users[i]); err != nil {
			return err
		}
		userIDs[i] = d.Users[i].ID
	}
	firmIDs := make([]int64, len(d.Firms))
	for i, name := range d.Firms {
		res, err := tx.ExecContext(ctx, `INSERT INTO firms (name, sample) VALUES (?, ?)`, name, true)
		if err != nil {
			return err
		}
		if firmIDs[i], err = res.LastInsertId(); err != nil {
			return err
		}
	}
	const q = `INSERT INTO lawyers (user_id, firm_id, license_no, licensed_since, specialties, home_township, work_phone) VALUES (?, ?, ?, ?, ?, ?, ?)`
	for _, l := range d.Lawyers {
		if _, err := tx.ExecContext(ctx, q, userIDs[l.User], firmIDs[l.Firm], l.LicenseNo, l.LicensedSince, l.Specialties, l.HomeTownship, l.WorkPhone); err != nil {
			return err
		}
	}
	return nil
}

func seedCommittees(ctx context.Context, tx *sqlx.Tx, list []SeedCommittee, siteIDs []int64) error {
	cs := make([]mediation.Committee, len(list))
	for i, sc := range list {
		cs[i] = sc.Committee
		if sc.Site >= 0 {
			cs[i].SiteID = &siteIDs[sc.Site]
		}
	}
	return insertCommittees(ctx, tx, cs, time.Now())
}
