package api

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/legaldesk/legaldesk/internal/stats"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// writeXLSX writes a table as a one-sheet workbook with excelize's stream
// writer (rows go out as they are made): a title row, the headers, the
// rows. Whole numbers are numbers; every text cell is escaped so that no
// cell starts a formula.
func writeXLSX(w io.Writer, t stats.Table) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, len(t.Headers), 16); err != nil {
		return err
	}
	row := 1
	put := func(cells []string) error {
		vals := make([]any, len(cells))
		for i, c := range cells {
			if n, err := strconv.Atoi(c); err == nil && c == strconv.Itoa(n) && n >= 0 {
				vals[i] = n
			} else if x, err := strconv.ParseFloat(c, 64); err == nil && x >= 0 && strconv.FormatFloat(x, 'f', -1, 64) == c {
				vals[i] = x
			} else {
				vals[i] = stats.Escape(c)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, vals)
	}
	if err := put([]string{t.Title}); err != nil {
		return err
	}
	if err := put(t.Headers); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := put(r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
