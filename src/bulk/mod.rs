//! What a run over many files keeps of each one (the command line's spool, `js/cli/`): the
//! file's record, written here from its check so that the JS neither parses the report nor
//! writes it again, and the MinHash signature of its prose for `copied-report`.
//!
//! Why in the core: on a folder of portal pages, parsing the report the CLI keeps, writing it
//! back as JSON and hashing its prose in JS was a sixth of each file's time in a worker.

pub mod record;
pub mod signature;
