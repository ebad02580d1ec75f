package stats

import (
	"encoding/csv"
	"io"
	"strings"
)

// Escape keeps a spreadsheet from reading a cell as a formula (OWASP CSV
// injection): a cell that begins with = + - @, a tab or a carriage return
// is prefixed with an apostrophe.
func Escape(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// bom makes Excel read the file as UTF-8, so Chinese text shows correctly.
const bom = "\uFEFF"

// WriteCSV writes a table as CSV: a UTF-8 byte-order mark, the headers,
// the rows, every cell escaped.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes and expects
	for _, row := range append([][]string{t.Headers}, t.Rows...) {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = Escape(c)
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
