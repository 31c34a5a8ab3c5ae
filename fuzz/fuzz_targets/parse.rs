//! The parser on arbitrary bytes: it never panics, and every span lies on character
//! boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use okrlint::source::Source;

fuzz_target!(|bytes: &[u8]| {
    let Ok(source) = Source::from_bytes(std::path::Path::new("fuzz.md"), bytes.to_vec()) else { return };
    let document = okrlint::syntax::parse(&source);
    let text = source.text();
    for item in document.items() {
        for span in [item.span, item.text] {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
});
