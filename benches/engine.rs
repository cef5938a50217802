//! Engine figures: validation time for generated flows of 1,000 and 10,000 nodes, and time per
//! session step along the deepest path. Prints a table; asserts nothing about speed (the goal,
//! 10,000 nodes validated in under 100 ms, is read from the table).
//!
//! Run: `cargo bench --bench engine`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::main();
}

// The engine is measured natively; this keeps `--all-targets` builds for wasm32 working.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;
    use std::rc::Rc;
    use std::time::{Duration, Instant};

    use troubleshooter::authoring::generate::layered;
    use troubleshooter::authoring::walk::sample_values;
    use troubleshooter::flow::{load, Answer, Node, Screen, Session, ValidFlow, BUILT_IN};

    fn median(mut samples: Vec<Duration>) -> Duration {
        samples.sort();
        samples[samples.len() / 2]
    }

    fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
        let samples: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed()
            })
            .collect();
        let best = *samples.iter().min().unwrap();
        (median(samples), best)
    }

    /// Answers every screen (first option, fields' examples) until an outcome, timing each step.
    fn steps(flow: Rc<ValidFlow>) -> (usize, Duration) {
        let mut session = Session::new(Rc::clone(&flow));
        session.start();
        let mut count = 0;
        let start = Instant::now();
        while let Screen::Node(node) = session.screen() {
            let answer = match flow.node(node) {
                Node::Question(_) => Answer::Choice(0),
                Node::Fields(f) => {
                    Answer::Values(sample_values(f).into_iter().map(|(_, v)| v).collect())
                }
                _ => Answer::Seen,
            };
            session.answer(answer).unwrap();
            black_box(session.progress());
            count += 1;
        }
        (count, start.elapsed() / count.max(1) as u32)
    }

    pub fn main() {
        println!(
            "{:<34} {:>8} {:>12} {:>12} {:>12} {:>8} {:>12}",
            "flow", "nodes", "parse p50", "+check p50", "best", "steps", "per step"
        );
        let mut cases: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(id, json)| (format!("built-in {id}"), json.to_string()))
            .collect();
        for (nodes, rows) in [(1_000, 100), (10_000, 100), (10_000, 900)] {
            cases.push((
                format!("generated {nodes} nodes, {rows} deep"),
                layered(nodes, rows).to_string(),
            ));
        }
        for (name, json) in cases {
            let runs = if json.len() > 1_000_000 { 10 } else { 30 };
            let (parse, _) = time(runs, || load::parse(&json).unwrap());
            let (p50, best) = time(runs, || ValidFlow::from_json(&json).unwrap());
            let flow = Rc::new(ValidFlow::from_json(&json).unwrap());
            let (count, per_step) = steps(Rc::clone(&flow));
            println!(
                "{:<34} {:>8} {:>9.2} ms {:>9.2} ms {:>9.2} ms {:>8} {:>9.1} µs",
                name,
                flow.flow().nodes.len(),
                parse.as_secs_f64() * 1e3,
                p50.as_secs_f64() * 1e3,
                best.as_secs_f64() * 1e3,
                count,
                per_step.as_secs_f64() * 1e6
            );
        }
    }
}
