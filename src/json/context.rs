//! [`Cx`]: what a reader knows while it reads: the path it is at, the depth, the first problem
//! found, and the warnings collected.

use super::format::{Format, Segment, UnknownKeys};
use super::problem::Problem;
use crate::diagnostic::Description;
use crate::report::{Issue, Pointer};

/// The first problem of a document, where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub problem: Problem,
    pub path: Pointer,
}

/// The state of one read.
#[derive(Debug)]
pub(crate) struct Cx<'de> {
    pub format: &'static Format,
    max_depth: usize,
    depth: usize,
    /// Above zero while skipping the value of an unknown key.
    skipping: usize,
    path: Vec<Segment<'de>>,
    failure: Option<Failure>,
    warnings: Vec<Issue>,
}

impl<'de> Cx<'de> {
    pub(crate) fn new(format: &'static Format, max_depth: usize) -> Self {
        Self {
            format,
            max_depth,
            depth: 0,
            skipping: 0,
            path: Vec::new(),
            failure: None,
            warnings: Vec::new(),
        }
    }

    /// The current path as a JSON Pointer.
    pub(crate) fn pointer(&self) -> Pointer {
        self.path
            .iter()
            .fold(Pointer::root(), |pointer, segment| match segment {
                Segment::Key(key) => pointer.key(key),
                Segment::Index(index) => pointer.index(*index),
            })
    }

    pub(crate) fn push(&mut self, segment: Segment<'de>) {
        self.path.push(segment);
    }

    pub(crate) fn pop(&mut self) {
        self.path.pop();
    }

    /// How deep the path is: a mark to come back to.
    pub(crate) fn mark(&self) -> usize {
        self.path.len()
    }

    /// Comes back to a mark: the key an object visitor read before refusing it is dropped, so
    /// that a problem naming that key is located once, under the object.
    pub(crate) fn back_to(&mut self, mark: usize) {
        self.path.truncate(mark);
    }

    /// Records `problem` at the current path, unless a problem is already recorded (reading
    /// stops at the first one).
    pub(crate) fn record(&mut self, problem: Problem) {
        if self.failure.is_none() {
            let mut path = self.pointer();
            if let Some(field) = problem.field() {
                path = path.key(field);
            }
            self.failure = Some(Failure { problem, path });
        }
    }

    pub(crate) fn has_failed(&self) -> bool {
        self.failure.is_some()
    }

    /// The first problem recorded.
    pub(crate) fn take_failure(&mut self) -> Option<Failure> {
        self.failure.take()
    }

    /// The warnings collected.
    pub(crate) fn take_warnings(&mut self) -> Vec<Issue> {
        std::mem::take(&mut self.warnings)
    }

    /// Enters an array or an object.
    pub(crate) fn enter(&mut self) -> Result<(), ()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            self.record(Problem::TooDeep {
                max: self.max_depth,
            });
            return Err(());
        }
        Ok(())
    }

    /// Leaves an array or an object.
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Starts skipping the value of an unknown key at the current path, as the format's policy
    /// says: refused, reported as a warning, or ignored.
    pub(crate) fn start_skipping(&mut self) -> Result<(), ()> {
        if self.skipping == 0 {
            match (self.format.unknown_keys)(&self.path) {
                UnknownKeys::Refuse => {
                    self.record(Problem::UnknownField { field: None });
                    return Err(());
                }
                UnknownKeys::Warn => {
                    let d = Problem::UnknownField { field: None }.describe(self.format.kind);
                    let warning = Description {
                        predicate_fr: "n'est pas connu de la crate : sa valeur n'a pas été lue"
                            .into(),
                        predicate_en: "is not known to the crate: its value was not read".into(),
                        ..d
                    };
                    self.warnings
                        .push(Issue::from_description(self.pointer().as_str(), warning));
                }
                UnknownKeys::Ignore => {}
            }
        }
        self.skipping += 1;
        Ok(())
    }

    pub(crate) fn stop_skipping(&mut self) {
        self.skipping -= 1;
    }
}
