//! What a form says, before it is laid out: a title and a list of blocks. The forms
//! build these from the ledger; the sheet lays them out on A4 pages.

use serde::{Deserialize, Serialize};

use crate::fonts::Script;

/// One cell of a field row: a label and its value, sharing the row with others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// Share of the row's width (label and value together).
    pub weight: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A band across the page naming the part that follows.
    Heading(String),
    /// A row of label/value cells.
    Fields(Vec<Field>),
    /// A table with a header row: (column title, width share), then rows.
    Table {
        columns: Vec<(String, f32)>,
        rows: Vec<Vec<String>>,
    },
    /// An empty ruled box filled in by hand: label and height in lines.
    HandBox { label: String, lines: u32 },
    /// Signature lines: each caption gets a rule for the name and one for date/time.
    Signatures {
        captions: Vec<String>,
        date_caption: String,
    },
    /// A short note under the table.
    Note(String),
}

/// One document: a form filled in for one record (or one month's notice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDoc {
    /// The form's code word (registration, slip, callback, major_report, notice).
    pub form: String,
    pub title: String,
    /// The printed form code, e.g. `KS-02`.
    pub code: String,
    /// The record's number (case, slip) or the month of a notice.
    pub subject: String,
    pub revision: i64,
    pub script: Script,
    pub blocks: Vec<Block>,
}

impl FormDoc {
    pub fn new(
        form: &str,
        title: String,
        code: &str,
        subject: &str,
        revision: i64,
        script: Script,
    ) -> Self {
        FormDoc {
            form: form.into(),
            title,
            code: code.into(),
            subject: subject.into(),
            revision,
            script,
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(text.into()));
        self
    }

    /// A row of fields: (label, value) pairs sharing the width equally.
    pub fn row(&mut self, cells: &[(&str, &str)]) -> &mut Self {
        self.blocks.push(Block::Fields(
            cells
                .iter()
                .map(|(l, v)| Field {
                    label: (*l).into(),
                    value: (*v).into(),
                    weight: 1.0,
                })
                .collect(),
        ));
        self
    }

    pub fn block(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }
}
