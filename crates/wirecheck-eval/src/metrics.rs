//! The arithmetic of the evaluation: confusion matrices and F-scores, kept pure so that each
//! figure in `docs/accuracy.md` can be checked by hand.

use serde::Serialize;

use wirecheck_core::Derived;

/// The three classes in a fixed order: rows of the confusion matrix are gold classes, columns
/// predicted ones.
pub const CLASSES: [Derived; 3] = [Derived::Wholly, Derived::Partially, Derived::None];

/// The row or column of a class in [`Confusion::counts`].
pub fn class_index(class: Derived) -> usize {
    match class {
        Derived::Wholly => 0,
        Derived::Partially => 1,
        Derived::None => 2,
    }
}

/// A three-way confusion matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// `counts[gold][predicted]`, in the order of [`CLASSES`].
    pub counts: [[usize; 3]; 3],
}

/// Precision, recall and F1 of one class or of a binary decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Share of the predicted positives that are right.
    pub precision: f64,
    /// Share of the gold positives that are found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Scores {
    /// Scores from true positive, false positive and false negative counts. An undefined
    /// ratio (nothing predicted, nothing to find) counts as 0, as in the METER papers' tables.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Scores {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        Scores {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// Harmonic mean of precision and recall; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// `part / whole`, 0 when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Confusion {
    /// Counts one story.
    pub fn add(&mut self, gold: Derived, predicted: Derived) {
        if let Some(cell) = self
            .counts
            .get_mut(class_index(gold))
            .and_then(|row| row.get_mut(class_index(predicted)))
        {
            *cell += 1;
        }
    }

    /// Precision, recall and F1 of each class, in the order of [`CLASSES`].
    pub fn per_class(&self) -> [Scores; 3] {
        let c = &self.counts;
        std::array::from_fn(|k| {
            let tp = c[k][k];
            let predicted: usize = c.iter().map(|row| row[k]).sum();
            let gold: usize = c[k].iter().sum();
            Scores::from_counts(tp, predicted - tp, gold - tp)
        })
    }

    /// The mean of the per-class F1 scores.
    pub fn macro_f1(&self) -> f64 {
        self.per_class().iter().map(|s| s.f1).sum::<f64>() / 3.0
    }

    /// Derived (wholly or partially) against non-derived, with derived as the positive class.
    pub fn binary(&self) -> Scores {
        let c = &self.counts;
        let derived = |k: usize| k < 2;
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (gold, row) in c.iter().enumerate() {
            for (predicted, &n) in row.iter().enumerate() {
                match (derived(gold), derived(predicted)) {
                    (true, true) => tp += n,
                    (false, true) => fp += n,
                    (true, false) => fn_ += n,
                    (false, false) => {}
                }
            }
        }
        Scores::from_counts(tp, fp, fn_)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn f1_is_the_harmonic_mean_and_zero_when_undefined() {
        assert!(close(f1(1.0, 1.0), 1.0));
        assert!(close(f1(0.5, 1.0), 2.0 / 3.0), "2PR/(P+R)");
        assert_eq!(f1(0.0, 0.0), 0.0, "no division by zero");
        let s = Scores::from_counts(0, 0, 0);
        assert_eq!(
            (s.precision, s.recall, s.f1),
            (0.0, 0.0, 0.0),
            "nothing predicted and nothing to find scores 0, not NaN"
        );
    }

    #[test]
    fn a_perfect_matrix_scores_one() {
        let mut m = Confusion::default();
        for class in CLASSES {
            m.add(class, class);
            m.add(class, class);
        }
        assert_eq!(m.counts.iter().flatten().sum::<usize>(), 6);
        assert!(close(m.macro_f1(), 1.0));
        assert!(close(m.binary().f1, 1.0));
    }

    #[test]
    fn scores_of_a_matrix_worked_by_hand() {
        // gold wholly: 3 predicted wholly, 1 partially
        // gold partially: 1 wholly, 2 partially, 1 none
        // gold none: 2 none
        let mut m = Confusion::default();
        for (gold, predicted, n) in [
            (Derived::Wholly, Derived::Wholly, 3),
            (Derived::Wholly, Derived::Partially, 1),
            (Derived::Partially, Derived::Wholly, 1),
            (Derived::Partially, Derived::Partially, 2),
            (Derived::Partially, Derived::None, 1),
            (Derived::None, Derived::None, 2),
        ] {
            for _ in 0..n {
                m.add(gold, predicted);
            }
        }
        assert_eq!(m.counts, [[3, 1, 0], [1, 2, 1], [0, 0, 2]]);
        let [w, p, n] = m.per_class();
        // wholly: P 3/4, R 3/4; partially: P 2/3, R 2/4; none: P 2/3, R 2/2
        assert!(close(w.f1, 0.75), "wholly F1 {}", w.f1);
        assert!(close(p.f1, f1(2.0 / 3.0, 0.5)), "partially F1 {}", p.f1);
        assert!(close(n.f1, 0.8), "none F1 {}", n.f1);
        assert!(close(m.macro_f1(), (0.75 + 4.0 / 7.0 + 0.8) / 3.0));
        // derived vs not: tp 7, fn 1, fp 0
        let b = m.binary();
        assert!(close(b.precision, 1.0) && close(b.recall, 7.0 / 8.0));
        assert!(close(b.f1, f1(1.0, 7.0 / 8.0)));
    }
}
