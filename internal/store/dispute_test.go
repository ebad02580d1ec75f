package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/store"
	"github.com/legaldesk/legaldesk/internal/testenv"
)

// TestDisputeStore: a dispute is written whole with its parties and
// events; a refused step writes nothing; a step's notices go to the outbox
// with it; the committee register keeps names unique.
func TestDisputeStore(t *testing.T) {
	for _, engine := range testenv.Engines(t) {
		t.Run(engine, func(t *testing.T) { testDisputeStore(t, testenv.NewStore(t, engine)) })
	}
}

func testDisputeStore(t *testing.T, s *store.Store) {
	ctx := context.Background()
	c := mustSite(t, s, network.Site{Name: "中心", Tier: network.Center})
	mustSite(t, s, network.Site{Name: "米山镇工作站", Tier: network.Station, ParentID: &c.ID, Township: "米山镇"})
	u := account.User{Role: account.Mediator, Name: "调解员", PhoneSealed: "x", PhoneIndex: "m1", Active: true}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	comm := mediation.Committee{Name: "米山镇人民调解委员会", Kind: "township", Township: "米山镇"}
	if err := s.AddMediationCommittee(ctx, &comm, u.ID); err != nil {
		t.Fatal(err)
	}
	dup := mediation.Committee{Name: "米山镇人民调解委员会", Kind: "township", Township: "米山镇"}
	if err := s.AddMediationCommittee(ctx, &dup, u.ID); !errs.Is(err, errs.Conflict) {
		t.Fatalf("a second committee of one name: %v", err)
	}
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	d := mediation.Dispute{Number: "M20261120-TEST", Type: "neighbour", Summary: "排水沟纠纷", Township: "米山镇",
		Status: mediation.Accepted, Source: "staff", CommitteeID: &comm.ID, AcceptedAt: now, DueAt: mediation.DueAt(now),
		CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
		Parties: []mediation.Party{{Role: "applicant", NameSealed: "a", PhoneSealed: "p"}, {Role: "respondent", NameSealed: "b", Position: 1}}}
	if err := s.CreateDispute(ctx, &d, []mediation.Event{{ActorID: &u.ID, To: "accepted", At: now}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dispute(ctx, d.ID)
	if err != nil || got.CommitteeName != comm.Name || len(got.Parties) != 2 || got.Parties[1].NameSealed != "b" || !got.DueAt.Equal(d.DueAt) {
		t.Fatalf("read back: %+v, %v", got, err)
	}
	refused := errors.New("refused")
	if _, err := s.ActOnDispute(ctx, d.ID, func(x *mediation.Dispute) (mediation.Event, error) {
		x.Status = mediation.Withdrawn
		return mediation.Event{}, refused
	}); !errors.Is(err, refused) {
		t.Fatalf("refused step: %v", err)
	}
	after, _ := s.Dispute(ctx, d.ID)
	events, _ := s.DisputeEvents(ctx, d.ID)
	if after.Status != mediation.Accepted || len(events) != 1 {
		t.Fatalf("a refused step changed %s, %d events", after.Status, len(events))
	}
	later := now.Add(time.Hour)
	if _, err := s.ActOnDispute(ctx, d.ID, func(x *mediation.Dispute) (mediation.Event, error) {
		ev, err := mediation.Apply(x, mediation.Action{Name: "fail", ReferredTo: "court", Reason: "拒绝调解"}, u.ID, later)
		x.Notice = &mediation.Notices{Kind: "mediation_unresolved", Body: "告知", Recipients: []mediation.Recipient{{Sealed: "p", Index: "i", Masked: "138****0001"}}}
		return ev, err
	}); err != nil {
		t.Fatal(err)
	}
	after, _ = s.Dispute(ctx, d.ID)
	events, _ = s.DisputeEvents(ctx, d.ID)
	var notices int
	s.DB().Get(&notices, `SELECT COUNT(*) FROM outbox WHERE kind = 'mediation_unresolved' AND recipient_index = 'i'`)
	if after.Status != mediation.Unresolved || after.ClosedAt == nil || !after.ClosedAt.Equal(later) || after.ReferredTo != "court" ||
		len(events) != 2 || events[1].ActorName != "调解员" || notices != 1 {
		t.Fatalf("after the step: %+v, %d events, %d notices", after, len(events), notices)
	}
	if _, err := s.Dispute(ctx, 999999); !errs.Is(err, errs.NotFound) {
		t.Fatalf("missing dispute: %v", err)
	}
}
