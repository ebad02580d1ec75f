// Package letters renders official letters as PDF with an embedded Chinese
// font (WenQuanYi Micro Hei, Apache-2.0 or GPLv3 with the font embedding
// exception; see fonts/). It knows layout, not law: the texts come in.
package letters

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

//go:embed fonts/wqy-microhei.ttf
var font []byte

// Letter is one official letter.
type Letter struct {
	Issuer  string   // the issuing office, printed at the top
	Title   string   // e.g. 给予法律援助决定书
	Number  string   // the document number
	To      string   // the addressee
	Body    []string // paragraphs
	Closing []string // signature lines, right-aligned
}

const (
	margin = 60.0
	width  = 595.28 - 2*margin // A4 in points
)

// PDF renders the letter.
func PDF(l Letter) ([]byte, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.SetInfo(gopdf.PdfInfo{Title: l.Title, Creator: "legaldesk"})
	if err := pdf.AddTTFFontData("wqy", font); err != nil {
		return nil, fmt.Errorf("letters: font: %w", err)
	}
	pdf.AddPage()
	w := &writer{pdf: pdf, y: margin}
	w.centered(l.Issuer, 16)
	w.centered(l.Title, 20)
	w.centered(l.Number, 11)
	w.gap(12)
	w.paragraph(l.To+"：", 12, false)
	for _, p := range l.Body {
		w.paragraph("　　"+p, 12, true)
	}
	w.gap(24)
	for _, line := range l.Closing {
		w.right(line, 12)
	}
	if w.err != nil {
		return nil, w.err
	}
	return pdf.GetBytesPdf(), nil
}

// writer lays out lines top to bottom, starting new pages as needed.
type writer struct {
	pdf *gopdf.GoPdf
	y   float64
	err error
}

func (w *writer) gap(h float64) { w.y += h }

func (w *writer) line(text string, size float64, x float64) {
	if w.err != nil {
		return
	}
	if w.y > 841.89-margin-size {
		w.pdf.AddPage()
		w.y = margin
	}
	if err := w.pdf.SetFont("wqy", "", size); err != nil {
		w.err = err
		return
	}
	w.pdf.SetXY(x, w.y)
	w.err = w.pdf.Cell(nil, text)
	w.y += size * 1.7
}

func (w *writer) textWidth(text string, size float64) float64 {
	w.pdf.SetFont("wqy", "", size)
	n, err := w.pdf.MeasureTextWidth(text)
	if err != nil {
		w.err = err
	}
	return n
}

func (w *writer) centered(text string, size float64) {
	if text != "" {
		w.line(text, size, margin+(width-w.textWidth(text, size))/2)
	}
}

func (w *writer) right(text string, size float64) {
	w.line(text, size, margin+width-w.textWidth(text, size))
}

// paragraph wraps text to the page width, character by character as
// Chinese text wraps.
func (w *writer) paragraph(text string, size float64, wrap bool) {
	if !wrap {
		w.line(text, size, margin)
		return
	}
	w.pdf.SetFont("wqy", "", size)
	lines, err := w.pdf.SplitText(strings.TrimSpace(text), width)
	if err != nil {
		w.err = err
		return
	}
	for i, l := range lines {
		if i == 0 {
			l = "　　" + strings.TrimLeft(l, "　")
		}
		w.line(l, size, margin)
	}
}
