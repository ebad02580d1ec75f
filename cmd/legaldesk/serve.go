package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"time"

	legaldesk "github.com/legaldesk/legaldesk"
	"github.com/legaldesk/legaldesk/internal/api"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/demo"
	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/sessions"
	"github.com/legaldesk/legaldesk/internal/store"
)

func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig("serve", args, getenv, nil)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stdout)
	a, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	if cfg.Demo {
		if err := seed(ctx, a); err != nil {
			return err
		}
	}
	srv, err := newAPI(a)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	announce(stdout, a, ln.Addr())
	if cfg.HTTP.DebugAddr != "" {
		if _, err := serveDebug(ctx, cfg.HTTP.DebugAddr, log); err != nil {
			return err
		}
	}
	reminders := &booking.Reminders{Store: a.store, Notify: a.accounts, Log: log, Now: time.Now, Kinds: booking.DefaultReminders}
	go reminders.Run(ctx, cfg.Booking.ReminderInterval)
	notaryReminders := &notary.Reminders{Store: a.store, Notify: a.accounts, Log: log, Now: time.Now, Kinds: notary.DefaultReminders}
	go notaryReminders.Run(ctx, cfg.Booking.ReminderInterval)
	go sweepLegalAid(ctx, a)
	go remindAdvisors(ctx, a)
	if cfg.Session.Backend(a.redis != nil) == "database" {
		go sweepExpired(ctx, a)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish in-flight requests, then stop.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

func newAPI(a *app) (*api.Server, error) {
	static, err := fs.Sub(legaldesk.Static, "static")
	if err != nil {
		return nil, err
	}
	cfg := api.Config{BodyLimit: a.cfg.HTTP.BodyLimit, TrustedProxies: a.cfg.HTTP.TrustedProxies,
		TrustedOrigins: a.cfg.HTTP.TrustedOrigins, IdleTimeout: a.cfg.Session.IdleTimeout,
		Lifetime: a.cfg.Session.Lifetime, CookieSecure: a.cfg.Session.CookieSecure,
		RedisConfigured: a.redis != nil, UploadLimit: a.cfg.LegalAid.MaxFile + 64<<10,
		PublicOrigin: a.cfg.HTTP.PublicOrigin}
	switch a.cfg.Session.Backend(a.redis != nil) {
	case "database":
		cfg.SessionStore = store.Sessions{S: a.store}
	case "redis":
		if cfg.SessionStore, err = sessions.Redis(a.redis, a.cfg.Redis.Prefix); err != nil {
			return nil, err
		}
	}
	if cfg.SessionStore != nil && cfg.IdleTimeout > 0 {
		// Move an unchanged session's expiry at most once a minute, and
		// answer a session read a moment ago from memory.
		cfg.SessionStore = &sessions.Touches{Store: cfg.SessionStore, Every: min(time.Minute, cfg.IdleTimeout/10),
			FreshFor: 2 * time.Second, Now: time.Now}
	}
	return api.New(api.Deps{Accounts: a.accounts, Calendar: &calendar.Service{Store: a.store}, Roster: a.roster,
		Booking: a.booking, LegalAid: a.legalAid, Notary: a.notary, Advisors: a.advisors, Mediation: a.mediation, Stats: a.stats, Sites: a.store, Outbox: a.store, Idempotency: a.store, Sealer: a.box, Holds: a.holds,
		DB: a.store, Static: static, Log: a.log}, cfg)
}

func seed(ctx context.Context, a *app) error {
	d, err := demo.Build(a.box, time.Now())
	if err != nil {
		return err
	}
	seeded, err := a.store.SeedOnce(ctx, d)
	if err != nil {
		return fmt.Errorf("demo seed: %w", err)
	}
	if !seeded {
		return nil
	}
	a.log.Info("seeded the Gaoping demo network", "sites", len(d.Sites), "users", len(d.Users))
	// Sample records of clients the demo firms acted for, for the conflict check.
	for i, client := range []string{"泫氏实业有限公司", "前和煤业有限公司"} {
		if err := a.store.AddFirmClient(ctx, int64(i+1), 0, client); err != nil {
			return err
		}
	}
	// Publish the coming weeks so residents can book at once.
	today := calendar.DateOf(time.Now())
	if _, rep, err := a.roster.Publish(ctx, 0, today, today.AddDays(40), nil); err != nil {
		a.log.Warn("demo roster not published", "error", err.Error())
	} else {
		a.log.Info("published the demo roster", "shifts", rep.Created)
	}
	// And the notary office's calendar for the same weeks.
	days, err := (&calendar.Service{Store: a.store}).Days(ctx, today, today.AddDays(40), 0)
	if err == nil {
		_, err = a.notary.OpenDays(ctx, days, a.cfg.Notary.Windows)
	}
	if err != nil {
		a.log.Warn("demo notary calendar not opened", "error", err.Error())
	}
	if a.cfg.DemoHistory {
		// A past year of records, marked demo, so the statistics and the
		// annual figures have numbers on first start.
		started := time.Now()
		if err := demo.History(ctx, a.store, a.box); err != nil {
			return fmt.Errorf("demo history: %w", err)
		}
		n, err := demo.SeedDisputeHistory(ctx, a.store, a.box, demo.HistoryYear)
		if err != nil {
			return fmt.Errorf("demo dispute history: %w", err)
		}
		a.log.Info("wrote the demo history", "year", demo.HistoryYear, "disputes", n, "took", time.Since(started).Round(time.Millisecond))
	}
	return nil
}

// announce prints where to go and, in demo mode, how to sign in.
func announce(w io.Writer, a *app, addr net.Addr) {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		host = fmt.Sprintf("localhost:%d", tcp.Port)
	}
	redis := "in-memory holds and limits"
	if a.redis != nil {
		redis = "holds and limits in Redis at " + a.cfg.Redis.Addr
	}
	fmt.Fprintf(w, "legaldesk %s listening on http://%s (%s database, %s, sessions in %s)\n", version, host, a.cfg.DB.Driver, redis,
		a.cfg.Session.Backend(a.redis != nil))
	if a.cfg.Demo {
		fmt.Fprintf(w, "demo logins (password %s): admin 13900000001, legal-aid officer 13900000002, notary clerk 13900000003, mediator 13900000004, lawyers 13900000101–13900000140\n", demo.Password)
		fmt.Fprintln(w, "demo residents 13800000001–13800000010 sign in with an SMS code; the admin reads it at /api/v1/admin/outbox")
	}
}

// sweepLegalAid deems withdrawn the applications whose supplement deadline
// passed, every ten minutes (the triage board also does it when read).
func sweepLegalAid(ctx context.Context, a *app) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if err := a.legalAid.Sweep(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("legal-aid sweep", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sweepExpired deletes expired database sessions and day-old idempotency
// answers every hour; nothing else would remove them.
func sweepExpired(ctx context.Context, a *app) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if err := a.store.DeleteExpiredSessions(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("session sweep", "error", err.Error())
		}
		if err := a.store.DeleteIdempotencyBefore(ctx, time.Now().Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			a.log.Error("idempotency sweep", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// remindAdvisors tells the bureau, once per contract, of village advisors'
// contracts that end within 30 days: hourly, and whenever coverage is read.
func remindAdvisors(ctx context.Context, a *app) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if _, err := a.advisors.Coverage(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("advisor reminders", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
