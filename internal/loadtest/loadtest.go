// Package loadtest drives a running legaldesk over HTTP like real clients
// and checks correctness while it measures: availability reads, and holds
// and confirms under contention, where exactly the free places must be
// booked and every confirmed booking must exist afterwards.
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"sync"
	"time"
)

// Options say what to run against which server.
type Options struct {
	Base string // http://host:port
	// Instances are more servers on the same database and Redis; residents
	// are spread over Base and these.
	Instances     []string
	AdminPhone    string // reads SMS codes from the outbox (demo mode)
	AdminPassword string
	SiteID        int64
	Residents     int // residents racing for places
	Reads         int // availability requests
	ReadRate      int // also measure availability paced at this rate; 0 skips
	Concurrency   int
	Days          int // availability window
	// Throughput also measures successful confirms on large slots it
	// sets up at the notary office (it changes the demo's data).
	Throughput bool
}

// instance is the server resident i talks to.
func (o Options) instance(i int) string {
	all := append([]string{o.Base}, o.Instances...)
	return all[i%len(all)]
}

// Latency summarises one kind of request.
type Latency struct {
	Name       string
	Count      int
	Errors     int
	Throughput float64 // requests per second
	P50        time.Duration
	P95        time.Duration
	P99        time.Duration
}

func (l Latency) String() string {
	return fmt.Sprintf("%-22s %6d req  %4d err  %8.1f req/s  p50 %7s  p95 %7s  p99 %7s", l.Name, l.Count, l.Errors,
		l.Throughput, l.P50.Round(10*time.Microsecond), l.P95.Round(10*time.Microsecond), l.P99.Round(10*time.Microsecond))
}

// Report is what a run found.
type Report struct {
	Reads, Holds, Confirms Latency
	ReadsAt                Latency // paced at Options.ReadRate
	Places                 int     // free places before the race
	Booked                 int     // confirmed by the race
	Successes              Latency
	Problems               []string
}

// client is one signed-in browser.
type client struct {
	base string
	http *http.Client
}

// transport is shared by every simulated browser and keeps enough idle
// connections for the concurrency: http.DefaultTransport keeps two per
// host, so 64 clients would open and close a TCP connection for most
// requests, and the run would measure the handshakes.
var transport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 1024, 1024
	return t
}()

func newClient(base string) *client {
	jar, _ := cookiejar.New(nil)
	return &client{base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second, Transport: transport}}
}

func (c *client) call(ctx context.Context, method, path string, body any, out any, header ...string) (int, error) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if out != nil && res.StatusCode < 300 {
		return res.StatusCode, json.NewDecoder(res.Body).Decode(out)
	}
	io.Copy(io.Discard, res.Body)
	return res.StatusCode, nil
}

// timer collects latencies of one kind.
type timer struct {
	mu     sync.Mutex
	name   string
	start  time.Time
	took   []time.Duration
	errors int
}

func (t *timer) record(d time.Duration, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.took = append(t.took, d)
	if !ok {
		t.errors++
	}
}

func (t *timer) summary() Latency {
	l := Latency{Name: t.name, Count: len(t.took), Errors: t.errors}
	if len(t.took) == 0 {
		return l
	}
	slices.Sort(t.took)
	at := func(p float64) time.Duration { return t.took[min(len(t.took)-1, int(p*float64(len(t.took))))] }
	l.P50, l.P95, l.P99 = at(0.50), at(0.95), at(0.99)
	l.Throughput = float64(len(t.took)) / time.Since(t.start).Seconds()
	return l
}

// parallel runs n jobs on workers goroutines.
func parallel(n, workers int, job func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range next {
				job(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Run signs residents in, measures availability reads, races the residents
// for the site's free places on its first bookable day, and checks the result.
func Run(ctx context.Context, o Options, log io.Writer) (Report, error) {
	var rep Report
	admin := newClient(o.Base)
	if st, err := admin.call(ctx, "POST", "/api/v1/auth/login", map[string]string{"phone": o.AdminPhone, "password": o.AdminPassword}, nil); err != nil || st != 200 {
		return rep, fmt.Errorf("admin sign-in: status %d, %v", st, err)
	}
	fmt.Fprintf(log, "signing in %d residents…\n", o.Residents)
	residents, err := signIn(ctx, o, admin)
	if err != nil {
		return rep, err
	}
	rep.Reads = reads(ctx, o, residents[0])
	if o.ReadRate > 0 {
		rep.ReadsAt = readsAt(ctx, o, residents[0], o.ReadRate)
	}
	day, slots, err := contestedDay(ctx, o, residents[0], "")
	if err != nil {
		return rep, err
	}
	for _, s := range slots {
		rep.Places += s.Remaining
	}
	fmt.Fprintf(log, "racing %d residents for %d places on %s…\n", o.Residents, rep.Places, day)
	rep.Holds, rep.Confirms, rep.Booked, rep.Problems = race(ctx, o, residents, slots)
	rep.Problems = append(rep.Problems, check(ctx, o, residents[0], day, slots, rep)...)
	if o.Throughput {
		fmt.Fprintln(log, "measuring successful confirms on large slots…")
		// Another day than the race's, so no booking overlaps a won place.
		_, big, err := prepareThroughput(ctx, admin, day)
		if err != nil {
			return rep, err
		}
		var n, want int
		rep.Successes, n, want = throughput(ctx, o, residents, big)
		if n != want {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%d of %d confirms on large slots succeeded", n, want))
		}
	}
	return rep, nil
}
