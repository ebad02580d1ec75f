package testenv

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// RedisServer is a real redis-server one test owns, on a free port, so the
// test may stop or freeze it without disturbing the shared one.
type RedisServer struct {
	t    testing.TB
	Addr string
	cmd  *exec.Cmd
}

// StartRedis starts a redis-server without persistence; it is killed when
// the test ends. Missing redis-server fails under CI=true, else skips.
func StartRedis(t testing.TB) *RedisServer {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server is not installed")
		}
		t.Skip("redis-server not installed")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	rs := &RedisServer{t: t, Addr: fmt.Sprintf("127.0.0.1:%d", port)}
	rs.cmd = exec.Command(path, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	rs.Start()
	t.Cleanup(rs.Stop)
	return rs
}

// Start runs the server again after Stop and waits until it accepts.
func (rs *RedisServer) Start() {
	rs.t.Helper()
	rs.cmd = exec.Command(rs.cmd.Path, rs.cmd.Args[1:]...)
	if err := rs.cmd.Start(); err != nil {
		rs.t.Fatal(err)
	}
	for range 100 {
		if conn, err := net.Dial("tcp", rs.Addr); err == nil {
			conn.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	rs.t.Fatal("redis-server did not start")
}

// Stop kills the server: connections are refused at once.
func (rs *RedisServer) Stop() {
	if rs.cmd.Process != nil && rs.cmd.ProcessState == nil {
		rs.cmd.Process.Kill()
		rs.cmd.Wait()
	}
}

// Freeze stops the process (SIGSTOP) without closing its socket: connects
// still succeed but nothing is answered, the way a hung Redis looks.
func (rs *RedisServer) Freeze() { rs.signal(syscall.SIGSTOP) }

// Thaw lets a frozen server go on (SIGCONT).
func (rs *RedisServer) Thaw() { rs.signal(syscall.SIGCONT) }

func (rs *RedisServer) signal(sig syscall.Signal) {
	rs.t.Helper()
	if err := rs.cmd.Process.Signal(sig); err != nil {
		rs.t.Fatalf("redis-server %v: %v", sig, err)
	}
}
