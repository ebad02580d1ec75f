package letters

import (
	"bytes"
	"strings"
	"testing"

	"github.com/legaldesk/legaldesk/internal/testenv"
)

// The PDF's text, as a PDF text extractor (poppler's pdftotext) reads it,
// holds the Chinese name and the paragraphs.
func TestPDFText(t *testing.T) {
	pdf, err := PDF(Letter{Issuer: "高平市法律援助中心", Title: "给予法律援助决定书", Number: "高法援〔2026〕12号", To: "张秀英",
		Body:    []string{strings.Repeat("经审查，你的申请符合《中华人民共和国法律援助法》规定的条件，决定给予法律援助。", 4)},
		Closing: []string{"高平市法律援助中心", "2026年11月26日"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	text := testenv.PDFText(t, pdf)
	for _, want := range []string{"张秀英", "给予法律援助决定书", "高法援〔2026〕12号", "法律援助法"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q:\n%s", want, text)
		}
	}
}
