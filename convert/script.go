package convert

import "strings"

// Script is the writing system a language tag calls for: it picks
// localized labels, fonts and typesetting rules.
type Script int

// The scripts writers tell apart.
const (
	ScriptOther Script = iota // Latin and anything else
	ScriptHans                // Simplified Chinese
	ScriptHant                // Traditional Chinese
	ScriptJa                  // Japanese
	ScriptKo                  // Korean
)

// ScriptOf classifies a BCP 47 tag: zh-Hant, zh-TW, zh-HK, zh-MO and yue
// are Traditional Chinese, other zh (and cmn) tags Simplified ("-Hans",
// "-CN", "-SG", "-MY" win over an earlier region); ja and ko are Japanese
// and Korean; everything else is ScriptOther. "_" is accepted for "-".
func ScriptOf(tag string) Script {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	switch parts[0] {
	case "ja":
		return ScriptJa
	case "ko":
		return ScriptKo
	case "zh", "cmn", "yue":
		hant := parts[0] == "yue"
		for _, p := range parts[1:] {
			switch p {
			case "hant", "tw", "hk", "mo":
				hant = true
			case "hans", "cn", "sg", "my":
				hant = false
			}
		}
		if hant {
			return ScriptHant
		}
		return ScriptHans
	}
	return ScriptOther
}
