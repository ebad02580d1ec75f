package store_test

import (
	"io/fs"

	legaldesk "github.com/legaldesk/legaldesk"
)

func migrations() fs.FS { return legaldesk.Migrations }
