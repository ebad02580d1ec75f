package legalaid

// Question is one plain-language eligibility question of the application
// wizard. A "yes" chooses a path and its detail from the rules of
// eligibility.go (Art32Grounds, Art42Groups): the questions are a way into
// those rules, never a rule set of their own. The wording is the page's
// (static/js, by key); Matters and Art31Items say where a question applies.
type Question struct {
	Key     string `json:"key"`
	Path    Path   `json:"path"`
	Detail  string `json:"detail"`
	Article string `json:"article"`
	// Matters limits the question to these matters, Art31Items (for
	// civil_admin) to these items; empty means any.
	Matters    []Matter `json:"matters,omitempty"`
	Art31Items []string `json:"art31_items,omitempty"`
}

// civilOrOther are the matters Art. 32's civil grounds arise in.
var civilOrOther = []Matter{CivilAdmin, OtherMatter}

// questions are asked in this order: Art. 32 first (no economic condition
// at all), then the Art. 42 groups (no hardship check). Someone who
// answers no to all of them shows their means by the Art. 41 pledge or
// by proof documents.
var questions = []Question{
	{Key: "abuse_violence", Path: Art32, Detail: "abuse_violence", Matters: civilOrOther},
	{Key: "martyr_relative", Path: Art32, Detail: "martyr_relative", Matters: civilOrOther},
	{Key: "bravery", Path: Art32, Detail: "bravery", Matters: civilOrOther},
	{Key: "retrial_acquit", Path: Art32, Detail: "retrial_acquit", Matters: []Matter{StateCompensation, CivilAdmin},
		Art31Items: []string{"state_compensation"}},
	// Art. 42(3): migrant workers claiming pay or work-injury damages.
	{Key: "migrant_wages", Path: Art42, Detail: "migrant_wages", Matters: []Matter{LabourArbitration, CivilAdmin},
		Art31Items: []string{"labour_pay", "injury"}},
	{Key: "no_income", Path: Art42, Detail: "minor_elderly_disabled"},
	{Key: "assistance", Path: Art42, Detail: "social_assistance"},
}

// Questions returns the wizard's questions with the article of each path.
func Questions() []Question {
	out := make([]Question, len(questions))
	for i, q := range questions {
		q.Article = rules[q.Path].Article
		out[i] = q
	}
	return out
}
