//! Checks on free text that rakt records (actors, patients, justifications, codes, names).

/// Whether `text` says nothing: empty, or only white space and invisible format characters
/// (zero-width space, joiners, word joiner, byte-order mark, soft hyphen, ...), which a form
/// field can hold and a reader cannot see. A justification or actor made of them is blank.
///
/// ```
/// assert!(rakt::text::is_blank(" \u{200B}\u{FEFF}\t"));
/// assert!(!rakt::text::is_blank("massive PPH"));
/// ```
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{061C}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn blank_and_not() {
        for blank in [
            "",
            " ",
            "\t\n",
            "\u{200B}",
            "\u{200D}\u{2060}",
            "\u{FEFF} ",
            "\u{00AD}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", " x ", "\u{200B}x", "रक्त", "0"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
