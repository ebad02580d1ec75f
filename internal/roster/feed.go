package roster

import (
	"context"
	"crypto/rand"
	"encoding/hex"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// FeedStore keeps each lawyer's calendar-feed token, sealed, and its
// keyed index for lookups.
type FeedStore interface {
	FeedToken(ctx context.Context, lawyerID int64) (string, error)
	SetFeedToken(ctx context.Context, lawyerID int64, index, sealed string) error
	DeleteFeedToken(ctx context.Context, lawyerID int64) error
	FeedLawyer(ctx context.Context, index string) (int64, error)
}

const feedKind = "calendar-feed"

// feedTokenLength is the hex length of a token: 24 random bytes.
const feedTokenLength = 48

var errNoFeed = errs.New(errs.NotFound, "订阅链接无效或已停用", "unknown or revoked calendar feed")

// FeedToken returns the lawyer's secret feed token, creating it on first use.
func (s *Service) FeedToken(ctx context.Context, lawyerID int64) (string, error) {
	sealed, err := s.Store.FeedToken(ctx, lawyerID)
	if err == nil {
		return s.Box.Open(sealed)
	}
	if !errs.Is(err, errs.NotFound) {
		return "", err
	}
	b := make([]byte, feedTokenLength/2)
	rand.Read(b)
	token := hex.EncodeToString(b)
	return token, s.Store.SetFeedToken(ctx, lawyerID, s.Box.Index(feedKind, token), s.Box.Seal(token))
}

// RevokeFeed stops the old URL; the next FeedToken makes a new one.
func (s *Service) RevokeFeed(ctx context.Context, lawyerID int64) error {
	return s.Store.DeleteFeedToken(ctx, lawyerID)
}

// FeedShifts are the shifts a feed shows: from a month back to three
// months ahead of the lawyer whose token it is.
func (s *Service) FeedShifts(ctx context.Context, token string) ([]ShiftView, error) {
	if len(token) != feedTokenLength {
		return nil, errNoFeed
	}
	lawyer, err := s.Store.FeedLawyer(ctx, s.Box.Index(feedKind, token))
	if errs.Is(err, errs.NotFound) {
		return nil, errNoFeed
	}
	if err != nil {
		return nil, err
	}
	today := calendar.DateOf(s.Now())
	return s.Store.ShiftViews(ctx, ShiftFilter{LawyerID: lawyer, From: today.AddDays(-31), To: today.AddDays(93)})
}
