//! Lays form documents out on A4 pages and writes the PDF: the header on every page,
//! ruled tables with shaded label cells, rows that continue on the next page, and the
//! footer with page x of y, printed at and printed by.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, TextRenderingMode,
};

use crate::doc::{Block, FormDoc};
use crate::error::Result;
use crate::fonts::{face, Face, MISSING_MARK};
use crate::labels::{t, Labels};
use crate::text::wrap;

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 42.5;
const RIGHT: f32 = PAGE_W - 42.5;
const CONTENT_TOP: f32 = PAGE_H - 96.0;
const BOTTOM: f32 = 52.0;
const BODY: f32 = 10.0;
const LEAD: f32 = 14.5;
const PAD: f32 = 4.0;
const RULE: f32 = 0.6;
const LABEL_GREY: f32 = 0.9;

/// What every page's header and footer say besides the form itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    pub company: String,
    pub office: String,
    /// The first printing of this document: `2026-11-23 14:05`.
    pub printed_at: String,
    pub printed_by: String,
}

/// A rendered PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font lacks, printed as 〓.
    pub missing: Vec<char>,
}

struct Cell {
    x: f32,
    w: f32,
    lines: Vec<String>,
    label: bool,
    /// What a label cell says when its row continues on a new page.
    cont: Option<String>,
}

struct Composer<'a> {
    face: &'a Face,
    font: FontId,
    labels: Labels,
    doc: &'a FormDoc,
    head: &'a Masthead,
    pages: Vec<Vec<Op>>,
    /// The page being drawn on.
    at: usize,
    y: f32,
    /// A table's header row, repeated when the table continues on a new page.
    repeat: Option<Vec<(f32, f32, String)>>,
    missing: Vec<char>,
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn grey(v: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: v,
        icc_profile: None,
    })
}

impl<'a> Composer<'a> {
    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.pages[self.at]
    }

    /// Replaces characters the font lacks by a visible mark and remembers them.
    fn printable(&mut self, s: &str) -> String {
        s.chars()
            .map(|c| {
                if c == ' ' || self.face.has(c) {
                    c
                } else {
                    if !self.missing.contains(&c) {
                        self.missing.push(c);
                    }
                    MISSING_MARK
                }
            })
            .collect()
    }

    fn measure(&self, size: f32) -> impl Fn(&str) -> f32 + 'a {
        let face = self.face;
        move |s: &str| face.width(s, size)
    }

    fn text(&mut self, x: f32, y: f32, size: f32, s: &str, bold: bool) {
        if s.is_empty() {
            return;
        }
        let s = self.printable(s);
        let font = PdfFontHandle::External(self.font.clone());
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font,
            size: Pt(size),
        });
        if bold {
            // One face only: a thin outline around the fill reads as bold on paper.
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(size / 30.0),
            });
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(s)],
        });
        if bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
            ops.push(Op::SetOutlineThickness { pt: Pt(RULE) });
        }
        ops.push(Op::EndTextSection);
    }

    fn centered(&mut self, y: f32, size: f32, s: &str, bold: bool) {
        let w = self.face.width(s, size);
        self.text((PAGE_W - w) / 2.0, y, size, s, bold);
    }

    fn right(&mut self, y: f32, size: f32, s: &str) {
        let w = self.face.width(s, size);
        self.text(RIGHT - w, y, size, s, false);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let ops = self.ops();
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![pt(x1, y1), pt(x2, y2)],
                is_closed: false,
            },
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops().push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, shade: f32) {
        self.ops().push(Op::SetFillColor { col: grey(shade) });
        self.rect(x, y, w, h, PaintMode::Fill);
        self.ops().push(Op::SetFillColor { col: grey(0.0) });
    }

    fn frame(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops().push(Op::SetOutlineThickness { pt: Pt(RULE) });
        self.rect(x, y, w, h, PaintMode::Stroke);
    }

    fn new_page(&mut self) {
        self.pages.push(vec![
            Op::SetOutlineColor { col: grey(0.0) },
            Op::SetFillColor { col: grey(0.0) },
        ]);
        self.at = self.pages.len() - 1;
        let top = PAGE_H - 40.0;
        let masthead = [self.head.company.as_str(), self.head.office.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("  ");
        self.centered(top, 10.5, &masthead, false);
        let title = self.doc.title.clone();
        self.centered(top - 24.0, 16.0, &title, true);
        let code = format!("{}：{}", self.labels.form_code, self.doc.code);
        self.text(LEFT, top - 44.0, 8.5, &code, false);
        let number = format!(
            "{}：{}    {}",
            self.labels.number,
            self.doc.subject,
            self.labels.revision(self.doc.revision)
        );
        self.right(top - 44.0, 8.5, &number);
        self.line(LEFT, top - 50.0, RIGHT, top - 50.0, 1.2);
        self.y = CONTENT_TOP;
        if let Some(header) = self.repeat.clone() {
            self.table_header(&header);
        }
    }

    fn table_header(&mut self, cols: &[(f32, f32, String)]) {
        let cells = cols
            .iter()
            .map(|(x, w, title)| Cell {
                x: *x,
                w: *w,
                lines: wrap(title, w - 2.0 * PAD, &self.measure(BODY)),
                label: true,
                cont: None,
            })
            .collect::<Vec<_>>();
        let h = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1) as f32 * LEAD + 2.0 * PAD;
        self.draw_row(&cells, h, true);
        self.y -= h;
    }

    /// Draws cells whose top is at the cursor, each `h` tall.
    fn draw_row(&mut self, cells: &[Cell], h: f32, bold_labels: bool) {
        let top = self.y;
        for c in cells.iter().filter(|c| c.label) {
            self.fill(c.x, top - h, c.w, h, LABEL_GREY);
        }
        for c in cells {
            for (i, l) in c.lines.iter().enumerate() {
                let baseline = top - PAD - BODY - i as f32 * LEAD + 1.5;
                self.text(c.x + PAD, baseline, BODY, l, c.label && bold_labels);
            }
            self.frame(c.x, top - h, c.w, h);
        }
    }

    /// Places a row, continuing it on following pages when it does not fit.
    fn place(&mut self, mut cells: Vec<Cell>) {
        loop {
            let lines = cells
                .iter()
                .map(|c| c.lines.len())
                .max()
                .unwrap_or(1)
                .max(1);
            let need = lines as f32 * LEAD + 2.0 * PAD;
            let avail = self.y - BOTTOM;
            if need <= avail {
                self.draw_row(&cells, need, false);
                self.y -= need;
                return;
            }
            let fresh = CONTENT_TOP - BOTTOM;
            let fit = ((avail - 2.0 * PAD) / LEAD).floor().max(0.0) as usize;
            // A short row moves whole to the next page; a long one is split.
            if need <= fresh / 3.0 || fit < 2 {
                self.new_page();
                continue;
            }
            let mut rest = Vec::with_capacity(cells.len());
            let mut part = Vec::with_capacity(cells.len());
            for c in cells {
                let split = c.lines.len().min(fit);
                let mut lines = c.lines;
                let tail = lines.split_off(split);
                // A label cell says what continues; a value cell goes on with its text.
                let tail = match &c.cont {
                    Some(cont) => wrap(cont, c.w - 2.0 * PAD, &self.measure(BODY)),
                    None => tail,
                };
                rest.push(Cell {
                    x: c.x,
                    w: c.w,
                    lines: tail,
                    label: c.label,
                    cont: c.cont.clone(),
                });
                part.push(Cell {
                    x: c.x,
                    w: c.w,
                    lines,
                    label: c.label,
                    cont: None,
                });
            }
            let h = fit as f32 * LEAD + 2.0 * PAD;
            self.draw_row(&part, h, false);
            self.new_page();
            cells = rest;
        }
    }

    fn block(&mut self, b: &Block) {
        let width = RIGHT - LEFT;
        match b {
            Block::Heading(text) => {
                // A heading stays with at least a table header and two rows.
                if self.y - BOTTOM < 26.0 + 3.0 * LEAD + 6.0 * PAD {
                    self.new_page();
                }
                self.y -= 6.0;
                let h = 20.0;
                self.fill(LEFT, self.y - h, width, h, 0.8);
                let text = text.clone();
                self.text(LEFT + PAD, self.y - h + 6.0, 10.5, &text, true);
                self.y -= h;
            }
            Block::Fields(fields) => {
                let total: f32 = fields.iter().map(|f| f.weight).sum::<f32>().max(0.01);
                let mut x = LEFT;
                let mut cells = Vec::new();
                for f in fields {
                    let w = width * f.weight / total;
                    let label_w = (self.face.width(&f.label, BODY) + 2.0 * PAD + 2.0)
                        .clamp(48.0, (w * 0.45).max(48.0));
                    let m = self.measure(BODY);
                    cells.push(Cell {
                        x,
                        w: label_w,
                        lines: wrap(&f.label, label_w - 2.0 * PAD, &m),
                        label: true,
                        cont: Some(format!("{}{}", f.label, self.labels.continued)),
                    });
                    cells.push(Cell {
                        x: x + label_w,
                        w: w - label_w,
                        lines: wrap(&f.value, w - label_w - 2.0 * PAD, &m),
                        label: false,
                        cont: None,
                    });
                    x += w;
                }
                self.place(cells);
            }
            Block::Table { columns, rows } => {
                let total: f32 = columns.iter().map(|c| c.1).sum::<f32>().max(0.01);
                let mut x = LEFT;
                let cols = columns
                    .iter()
                    .map(|(title, share)| {
                        let w = width * share / total;
                        let col = (x, w, title.clone());
                        x += w;
                        col
                    })
                    .collect::<Vec<_>>();
                if self.y - BOTTOM < 3.0 * LEAD + 4.0 * PAD {
                    self.new_page();
                }
                self.table_header(&cols);
                self.repeat = Some(cols.clone());
                // An empty table still shows one blank row: "none yet", not "cut off".
                let blank = vec![vec![String::new(); cols.len()]];
                let rows = if rows.is_empty() { &blank } else { rows };
                for row in rows {
                    let m = self.measure(BODY);
                    let cells = cols
                        .iter()
                        .zip(row)
                        .map(|((x, w, _), v)| Cell {
                            x: *x,
                            w: *w,
                            lines: wrap(v, w - 2.0 * PAD, &m),
                            label: false,
                            cont: None,
                        })
                        .collect();
                    self.place(cells);
                }
                self.repeat = None;
            }
            Block::HandBox { label, lines } => {
                let h = *lines as f32 * LEAD * 1.4 + 2.0 * PAD;
                if self.y - BOTTOM < h {
                    self.new_page();
                }
                let label_w = (self.face.width(label, BODY) + 2.0 * PAD + 2.0).clamp(48.0, 120.0);
                let m = self.measure(BODY);
                let cells = [
                    Cell {
                        x: LEFT,
                        w: label_w,
                        lines: wrap(label, label_w - 2.0 * PAD, &m),
                        label: true,
                        cont: None,
                    },
                    Cell {
                        x: LEFT + label_w,
                        w: width - label_w,
                        lines: Vec::new(),
                        label: false,
                        cont: None,
                    },
                ];
                self.draw_row(&cells, h, false);
                // Faint writing lines inside the box.
                self.ops().push(Op::SetOutlineColor { col: grey(0.75) });
                let mut ly = self.y - PAD - LEAD * 1.4;
                while ly > self.y - h + PAD {
                    self.line(LEFT + label_w + PAD, ly, RIGHT - PAD, ly, 0.3);
                    ly -= LEAD * 1.4;
                }
                self.ops().push(Op::SetOutlineColor { col: grey(0.0) });
                self.y -= h;
            }
            Block::Signatures {
                captions,
                date_caption,
            } => {
                let need = captions.len() as f32 * 34.0 + 10.0;
                if self.y - BOTTOM < need {
                    self.new_page();
                }
                self.y -= 10.0;
                for caption in captions {
                    self.y -= 28.0;
                    let y = self.y;
                    let c = format!("{caption}：");
                    self.text(LEFT, y, BODY, &c, true);
                    let start = LEFT + self.face.width(&c, BODY) + 4.0;
                    let mid = LEFT + width * 0.55;
                    self.line(start, y - 2.0, mid - 12.0, y - 2.0, 0.6);
                    let d = format!("{date_caption}：");
                    self.text(mid, y, BODY, &d, false);
                    let dstart = mid + self.face.width(&d, BODY) + 4.0;
                    self.line(dstart, y - 2.0, RIGHT, y - 2.0, 0.6);
                }
                self.y -= 6.0;
            }
            Block::Note(text) => {
                let m = self.measure(8.5);
                let lines = wrap(text, width, &m);
                for l in lines {
                    if self.y - BOTTOM < 12.0 {
                        self.new_page();
                    }
                    self.y -= 12.0;
                    self.text(LEFT, self.y + 2.0, 8.5, &l, false);
                }
            }
        }
    }

    fn footers(&mut self, first: usize) {
        let count = self.pages.len() - first;
        for i in 0..count {
            self.at = first + i;
            self.line(LEFT, BOTTOM - 14.0, RIGHT, BOTTOM - 14.0, 0.4);
            let y = BOTTOM - 26.0;
            // A notice is posted for all residents: no one's name on it, staff included
            // (the print log keeps who printed it).
            let by = if self.doc.form == "notice" {
                ""
            } else {
                self.head.printed_by.as_str()
            };
            let printed = format!("{}：{}  {by}", self.labels.printed, self.head.printed_at);
            self.text(LEFT, y, 8.0, &printed, false);
            let page = self.labels.page_of(i + 1, count);
            self.centered(y, 8.0, &page, false);
            let right = format!(
                "{} {}",
                self.doc.code,
                self.labels.revision(self.doc.revision)
            );
            self.right(y, 8.0, &right);
        }
    }
}

/// Lays out `docs` (each starting on a new page, numbered on its own) into one PDF.
/// `doc_key` names the content; the PDF's dates and IDs come from it and the masthead,
/// never from the clock, so the same content renders to the same bytes.
pub fn render(docs: &[FormDoc], head: &Masthead, doc_key: &str) -> Result<Rendered> {
    let script = docs.first().map(|d| d.script).unwrap_or_default();
    let face = face(script)?;
    let font = FontId("F1".into());
    let mut pages: Vec<Vec<Op>> = Vec::new();
    let mut missing = Vec::new();
    for doc in docs {
        let mut c = Composer {
            face,
            font: font.clone(),
            labels: Labels::new(doc.script),
            doc,
            head,
            pages: std::mem::take(&mut pages),
            at: 0,
            y: 0.0,
            repeat: None,
            missing: std::mem::take(&mut missing),
        };
        let first = c.pages.len();
        c.new_page();
        for b in &doc.blocks {
            c.block(b);
        }
        c.footers(first);
        pages = c.pages;
        missing = c.missing;
    }
    let title = docs
        .iter()
        .map(|d| format!("{} {}", d.title, d.subject))
        .collect::<Vec<_>>()
        .join("; ");
    let mut pdf = PdfDocument::new(&title);
    pdf.resources
        .fonts
        .map
        .insert(font, PdfFont::new(face.parsed.clone()));
    let page_count = pages.len();
    pdf.with_pages(
        pages
            .into_iter()
            .map(|ops| PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops))
            .collect(),
    );
    let when = crate::stamp_time(&head.printed_at);
    let info = &mut pdf.metadata.info;
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.author = head.printed_by.clone();
    info.creator = desk_ledger::about::made_by();
    info.producer = desk_ledger::about::made_by();
    info.subject = t(script, "客诉台账表单", "客訴台賬表單").into();
    info.identifier = doc_key.into();
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    // printpdf draws random document IDs; the document's key replaces them.
    let id = lopdf::Object::String(
        doc_key.as_bytes().to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    lo.trailer
        .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)?;
    Ok(Rendered {
        bytes,
        pages: page_count,
        missing,
    })
}
