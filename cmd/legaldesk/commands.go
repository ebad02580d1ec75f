package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/account"
)

func migrate(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig("migrate", args, getenv, nil)
	if err != nil {
		return err
	}
	cfg.DB.Migrate = true
	a, err := open(ctx, cfg, newLogger(cfg, io.Discard))
	if err != nil {
		return err
	}
	defer a.close()
	fmt.Fprintln(stdout, "migrations applied on", cfg.DB.Driver)
	return nil
}

func seedDemo(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig("seed-demo", args, getenv, nil)
	if err != nil {
		return err
	}
	if cfg.Production() {
		return errors.New("seed-demo refuses to run in production")
	}
	a, err := open(ctx, cfg, newLogger(cfg, stdout))
	if err != nil {
		return err
	}
	defer a.close()
	return seed(ctx, a)
}

// userCmd: legaldesk user create --role admin --phone 139... --name 张三
// The password comes from LEGALDESK_NEW_PASSWORD or the first line of stdin.
func userCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: legaldesk user create --role ROLE --phone PHONE --name NAME [-config FILE]")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	role := fs.String("role", "", "resident, lawyer, aid_officer, notary_clerk, mediator or admin")
	phone := fs.String("phone", "", "11-digit mobile number (the sign-in name)")
	name := fs.String("name", "", "display name")
	cfg, err := loadConfig("user create", args[1:], getenv, fs)
	if err != nil {
		return err
	}
	password := getenv("LEGALDESK_NEW_PASSWORD")
	if password == "" && account.Role(*role).Staff() {
		fmt.Fprint(stdout, "password: ")
		line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		password = strings.TrimSpace(line)
	}
	a, err := open(ctx, cfg, newLogger(cfg, io.Discard))
	if err != nil {
		return err
	}
	defer a.close()
	u, err := a.accounts.Create(ctx, account.NewUser{Role: account.Role(*role), Name: *name, Phone: *phone, Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s account %d (%s)\n", u.Role, u.ID, u.Name)
	return nil
}

// healthcheck asks the local server's /readyz; containers without a shell
// use it as their health check.
func healthcheck(ctx context.Context, args []string, getenv func(string) string) error {
	cfg, err := loadConfig("healthcheck", args, getenv, nil)
	if err != nil {
		return err
	}
	_, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+port+"/readyz", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("readyz answered %d", res.StatusCode)
	}
	return nil
}
