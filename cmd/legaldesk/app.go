package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	legaldesk "github.com/legaldesk/legaldesk"
	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/config"
	"github.com/legaldesk/legaldesk/internal/files"
	"github.com/legaldesk/legaldesk/internal/holds"
	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/ratelimit"
	"github.com/legaldesk/legaldesk/internal/redisconn"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/stats"
	"github.com/legaldesk/legaldesk/internal/store"
)

// app is everything wired together from one config.
type app struct {
	cfg      config.Config
	log      *slog.Logger
	store    *store.Store
	box      *pii.Box
	redis    redisconn.Client // nil without Redis
	holds    holds.Store
	accounts *account.Service
	roster   *roster.Service
	booking  *booking.Service
	legalAid *legalaid.Service
	notary   *notary.Service
	advisors *advisor.Service
	// mediation is people's mediation (disputes, committees, rooms).
	mediation *mediation.Service
	stats     *stats.Service
}

// loadConfig parses the common -config flag and loads the settings.
func loadConfig(name string, args []string, getenv func(string) string, fs *flag.FlagSet) (config.Config, error) {
	if fs == nil {
		fs = flag.NewFlagSet(name, flag.ContinueOnError)
	}
	path := fs.String("config", "", "YAML config file (default "+config.DefaultFile+" when present)")
	if err := fs.Parse(args); err != nil {
		return config.Config{}, err
	}
	return config.Load(*path, getenv)
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(cfg.Log.Level))
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

// open builds the app: keys, store (migrated when configured), Redis or
// memory for holds, limits and sessions, and the account service.
func open(ctx context.Context, cfg config.Config, log *slog.Logger) (*app, error) {
	a := &app{cfg: cfg, log: log}
	var err error
	if a.box, err = openBox(cfg, log); err != nil {
		return nil, err
	}
	a.store, err = store.Open(ctx, store.Options{Driver: cfg.DB.Driver, DSN: cfg.DB.DSN, DataDir: cfg.DataDir,
		MaxOpenConns: cfg.DB.MaxOpenConns, ConnMaxLifetime: cfg.DB.ConnMaxLifetime})
	if err != nil {
		return nil, err
	}
	if cfg.DB.Migrate {
		if err := a.store.Migrate(ctx, legaldesk.Migrations); err != nil {
			a.close()
			return nil, err
		}
	}
	var limiter account.Limiter = ratelimit.NewMemory()
	a.holds = holds.NewMemory()
	if cfg.Redis.Addr != "" {
		a.redis = redisconn.Dial(redisconn.Options{Addr: cfg.Redis.Addr, Password: cfg.Redis.Password, DB: cfg.Redis.DB,
			PoolSize: cfg.Redis.PoolSize, DialTimeout: cfg.Redis.DialTimeout, ReadTimeout: cfg.Redis.ReadTimeout})
		a.holds = holds.NewRedis(a.redis, cfg.Redis.Prefix)
		limiter = ratelimit.Fallback{Primary: ratelimit.NewRedis(a.redis, cfg.Redis.Prefix), Secondary: ratelimit.NewMemory()}
	}
	// Sign-in codes stay readable in the outbox only for a development demo,
	// where there is no phone to receive them; Validate already refuses demo
	// data in production, and this checks both again.
	sender := &notify.LogSender{Outbox: a.store, Box: a.box, Log: log, Now: time.Now,
		DemoAid: cfg.Demo && !cfg.Production()}
	a.accounts = &account.Service{Store: a.store, Box: a.box, Sender: sender, Limiter: limiter, Now: time.Now, UserTTL: 5 * time.Second,
		Rules: account.Rules{CodeTTL: cfg.Auth.SMSCodeTTL, MaxAttempts: cfg.Auth.SMSMaxAttempts,
			SMSPerPhone: cfg.Auth.SMSPerPhone, SMSWindow: cfg.Auth.SMSWindow,
			LoginPerPhone: cfg.Auth.LoginPerPhone, LoginWindow: cfg.Auth.LoginWindow}}
	a.roster = &roster.Service{Store: a.store, Now: time.Now, WeeklyCap: cfg.Roster.WeeklyCap,
		SwapNotice: cfg.Roster.SwapNotice, MaxDays: 93}
	rules := map[string]booking.Rules{}
	for _, tier := range []string{"", "center", "station", "room", "notary", "legal_aid"} {
		r := cfg.Booking.RulesFor(tier)
		rules[tier] = booking.Rules{MinNotice: r.MinNotice, Horizon: r.Horizon, MaxActive: r.MaxActive, CancelCutoff: r.CancelCutoff}
	}
	a.booking = &booking.Service{Store: a.store, Holds: holds.Slots{Store: a.holds, TTL: cfg.Holds.TTL}, Notify: a.accounts,
		Log: log, Now: time.Now, Rules: rules, CacheTTL: 2 * time.Second}
	// The roster tells booking of each change to the published roster:
	// availability is read again, and residents hear of a new lawyer.
	a.roster.Notify, a.roster.Box = a.booking, a.box
	uploads := cfg.LegalAid.UploadsDir
	if uploads == "" {
		uploads = filepath.Join(cfg.DataDir, "uploads")
	}
	dir, err := files.Open(uploads)
	if err != nil {
		a.close()
		return nil, err
	}
	a.legalAid = &legalaid.Service{Store: a.store, Files: dir, Box: a.box, Now: time.Now,
		MaxFile: cfg.LegalAid.MaxFile, MaxTotal: cfg.LegalAid.MaxTotal, MinSupplementDays: cfg.LegalAid.MinSupplementDays,
		CentreName: cfg.LegalAid.CentreName, BureauName: cfg.LegalAid.BureauName,
		Hardship: legalaid.Standard{MonthlyPerCapita: cfg.LegalAid.HardshipIncome, Source: cfg.LegalAid.HardshipSource},
		Limiter:  limiter}
	// The notary office books on its own calendar through the same holds,
	// its slot ids kept apart ("n12"), and uploads under the same rules.
	nr := cfg.Booking.RulesFor("notary")
	a.notary = &notary.Service{Store: a.store, Waits: a.store, Holds: holds.Slots{Store: a.holds, TTL: cfg.Holds.TTL, Prefix: "n"},
		Notify: a.accounts, Files: dir, Box: a.box, Log: log, Now: time.Now, HomeAge: cfg.Notary.HomeAge,
		MinNotice: nr.MinNotice, Horizon: nr.Horizon, MaxActive: nr.MaxActive,
		MaxFile: cfg.LegalAid.MaxFile, MaxTotal: cfg.LegalAid.MaxTotal}
	a.advisors = &advisor.Service{Store: a.store, Now: time.Now, Cap: cfg.Advisors.Cap, TermMonths: cfg.Advisors.TermMonths,
		Minimums: advisor.Minimums{OnSiteDaysPerMonth: cfg.Advisors.OnSiteDaysPerMonth, LecturesPerQuarter: cfg.Advisors.LecturesPerQuarter},
		Notify:   a.accounts, Files: dir, MaxPhoto: cfg.LegalAid.MaxFile}
	a.mediation = &mediation.Service{Store: a.store, Box: a.box, Now: time.Now}
	a.stats = &stats.Service{Store: a.store, Box: a.box, Now: time.Now}
	return a, nil
}

// openBox uses the configured keys; in development it generates them into
// the data directory on first start and says so.
func openBox(cfg config.Config, log *slog.Logger) (*pii.Box, error) {
	seal, index := cfg.Keys.PII, cfg.Keys.PIIIndex
	if seal == "" || index == "" {
		if cfg.Production() {
			return nil, fmt.Errorf("keys.pii and keys.pii_index are required in production")
		}
		var created bool
		var err error
		seal, index, created, err = pii.LoadOrCreateKeys(cfg.DataDir)
		if err != nil {
			return nil, fmt.Errorf("development keys: %w", err)
		}
		if created {
			log.Warn("generated new personal-data keys for development; production must set LEGALDESK_KEYS_PII and LEGALDESK_KEYS_PII_INDEX",
				"file", cfg.DataDir+"/"+pii.KeyFile)
		}
	}
	box, err := pii.NewBox("k1", seal, index)
	if err != nil {
		return nil, fmt.Errorf("config keys: %w", err)
	}
	return box, nil
}

func (a *app) close() {
	if a.redis != nil {
		a.redis.Close()
	}
	if a.store != nil {
		a.store.Close()
	}
}
