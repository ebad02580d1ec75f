package store

// The engines differ here and nowhere else.

// forUpdate locks the selected rows in MySQL; SQLite's immediate
// transactions already hold the write lock.
func (s *Store) forUpdate() string {
	if s.driver == "mysql" {
		return " FOR UPDATE"
	}
	return ""
}
