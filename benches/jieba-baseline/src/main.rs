//! The baseline okrlint's speed is measured against: load jieba-rs's default dictionary and
//! tag every line of the files named, nothing else.

fn main() {
    let jieba = jieba_rs::Jieba::new();
    let mut words = 0;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("the baseline reads its file");
        for line in text.lines() {
            words += jieba.tag(line, false).len();
        }
    }
    std::hint::black_box(words);
}
