package stats

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
)

func TestBoundsAreChinaDays(t *testing.T) {
	p, err := ParsePeriod("2025-01-01", "2025-12-31", " 米山镇 ")
	if err != nil {
		t.Fatal(err)
	}
	b := p.Bounds()
	lastCase := time.Date(2025, 12, 31, 23, 30, 0, 0, calendar.Shanghai)
	nextYear := time.Date(2026, 1, 1, 0, 0, 0, 0, calendar.Shanghai)
	if !(lastCase.Before(b.End) && !nextYear.Before(b.End)) || b.Start != time.Date(2024, 12, 31, 16, 0, 0, 0, time.UTC) {
		t.Errorf("bounds %v – %v", b.Start, b.End)
	}
	if b.Township != "米山镇" || b.FromDay != "2025-01-01" || b.ToDay != "2025-12-31" {
		t.Errorf("bounds %+v", b)
	}
}

func TestParsePeriodRefuses(t *testing.T) {
	for _, c := range [][3]string{{"", "2025-01-01", ""}, {"2025-01-02", "2025-01-01", ""}, {"2020-01-01", "2025-01-01", ""},
		{"1999-01-01", "1999-02-01", ""}, {"2025-01-01", "2025-13-01", ""}, {"2025-01-01", "2025-01-02", strings.Repeat("镇", 31)}} {
		if _, err := ParsePeriod(c[0], c[1], c[2]); err == nil {
			t.Errorf("%q accepted", c)
		}
	}
}

func TestEscapeAndCSV(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+86": "'+86", "-3": "'-3", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"张三": "张三", "": "", "a=b": "a=b"} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Table{Headers: []string{"名称", "值"}, Rows: [][]string{{"=HYPERLINK(\"x\")", "1"}, {"含,逗号", "2"}}}); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF名称,值\r\n\"'=HYPERLINK(\"\"x\"\")\",1\r\n\"含,逗号\",2\r\n"
	if buf.String() != want {
		t.Errorf("csv %q, want %q", buf.String(), want)
	}
}

func TestMaskNameAndPercent(t *testing.T) {
	if MaskName("欧阳娜娜") != "欧***" || MaskName("张") != "张" || MaskName("") != "" {
		t.Error(MaskName("欧阳娜娜"))
	}
	if percent(1, 0) != nil || *percent(2, 3) != 66.7 || *percent(3, 3) != 100 {
		t.Error("percent")
	}
}
