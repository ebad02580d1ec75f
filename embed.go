// Package legaldesk embeds the static front end and the SQL migrations so
// the binary runs with nothing beside it.
package legaldesk

import "embed"

// Static is the front end (static/...).
//
//go:embed static
var Static embed.FS

// Migrations holds sql/sqlite and sql/mysql.
//
//go:embed sql
var Migrations embed.FS
