//! The importer's parser of one file's bytes (`parse_file`: format detection, then the plain,
//! HTML, NITF, NewsML-G2, JSON Lines or wire parser). A skip is fine; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck_core::parse_file;

fuzz_target!(|bytes: &[u8]| {
    match parse_file(bytes, "fuzz/input.xml") {
        Ok(stories) => {
            assert!(!stories.is_empty(), "Ok means at least one story");
            for story in &stories {
                assert_eq!(
                    story.origin, "fuzz/input.xml",
                    "the origin is kept as given"
                );
            }
        }
        Err(_skip) => {}
    }
});
