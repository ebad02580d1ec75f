// Command loadtest drives a running legaldesk over HTTP and checks that it
// books exactly the free places while measuring throughput and latency.
// With -db-dsn it also runs the bare booking transaction straight on the
// same database and prints the ratio of the HTTP confirm to it: the
// headline figure. See docs/benchmarks.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/legaldesk/legaldesk/internal/loadtest"
)

func main() {
	var o loadtest.Options
	var instances string
	var db loadtest.DBLimit
	flag.StringVar(&o.Base, "base", "http://localhost:8080", "server URL")
	flag.StringVar(&instances, "instances", "", "more server URLs on the same database and Redis, comma-separated")
	flag.StringVar(&o.AdminPhone, "admin", "13900000001", "administrator phone (reads SMS codes from the outbox)")
	flag.StringVar(&o.AdminPassword, "password", "demo-pass-2026", "administrator password")
	flag.Int64Var(&o.SiteID, "site", 1, "site to read and book")
	flag.IntVar(&o.Residents, "residents", 200, "residents racing for the places")
	flag.IntVar(&o.Reads, "reads", 2000, "availability requests")
	flag.IntVar(&o.ReadRate, "read-rate", 5000, "availability requests per second for five seconds after the flat-out reads; 0 skips")
	flag.IntVar(&o.Concurrency, "c", 32, "concurrent clients")
	flag.IntVar(&o.Days, "days", 14, "availability window in days")
	flag.BoolVar(&o.Throughput, "throughput", false, "also measure successful confirms on large slots (changes the demo's notary office)")
	flag.StringVar(&db.Driver, "db-driver", "mysql", "dblimit: sqlite or mysql")
	flag.StringVar(&db.DSN, "db-dsn", "", "dblimit: the server's MySQL DSN or SQLite file; empty skips the scenario")
	flag.IntVar(&db.Txs, "db-tx", 20000, "dblimit: transactions to run")
	flag.IntVar(&db.Slots, "db-slots", 1000, "dblimit: slots to spread them over")
	flag.Parse()
	if instances != "" {
		o.Instances = strings.Split(instances, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := loadtest.Run(ctx, o, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	for _, l := range []loadtest.Latency{rep.Reads, rep.ReadsAt, rep.Holds, rep.Confirms} {
		if l.Count > 0 {
			fmt.Println(l)
		}
	}
	if o.Throughput {
		fmt.Println(rep.Successes)
	}
	if db.DSN != "" {
		db.Conns = o.Concurrency
		limit, err := db.Run(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		fmt.Println(limit)
		http := rep.Confirms
		if o.Throughput {
			http = rep.Successes
		}
		fmt.Printf("ratio: HTTP %s %.0f/s ÷ dblimit %.0f/s = %.2f\n", http.Name, http.Throughput, limit.Throughput, http.Throughput/limit.Throughput)
	}
	fmt.Printf("places %d, booked %d\n", rep.Places, rep.Booked)
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Println("PROBLEM:", p)
		}
		os.Exit(1)
	}
	fmt.Println("correct: exactly the free places were booked, retries returned the first booking")
}
