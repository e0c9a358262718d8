//! Photos and scans on a case: several added at once or none, shown from the data
//! directory, and opened by other programs only as a logged copy.

use std::path::{Path, PathBuf};

use desk_ledger::{AccessFilter, Lang, Ledger, LedgerError};

mod common;
use common::complaint;

fn photo(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write photo");
    p
}

#[test]
fn photos_of_one_visit_are_added_together_with_their_note() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    let a = photo(desk.path(), "卫生间 顶棚.jpg", b"jpeg one");
    let b = photo(desk.path(), "楼下.png", b"png two");

    let added = l
        .attach_all("admin", &n, &[a.clone(), b], "业主微信发来")
        .expect("attach");
    assert_eq!(
        added
            .iter()
            .map(|x| x.file_name.as_str())
            .collect::<Vec<_>>(),
        ["卫生间 顶棚.jpg", "楼下.png"]
    );
    assert!(added
        .iter()
        .all(|x| x.note == "业主微信发来" && x.added_by == "管理员"));
    // The copies live in the data directory, not where the clerk picked them.
    std::fs::remove_file(&a).expect("clerk tidies the desktop");
    let (shown, bytes) = l.attachment_content(added[0].id).expect("content");
    assert_eq!((shown.size, bytes.as_slice()), (8, &b"jpeg one"[..]));

    let file = l.case_file(&n).expect("file");
    assert_eq!(file.attachments.len(), 2);
    let attached = file.history.iter().filter(|h| h.action == "attach").count();
    assert_eq!(attached, 2, "one history entry per file");

    // A later one is numbered after them, not over the first.
    let c = photo(desk.path(), "卫生间 顶棚.jpg", b"a second visit");
    let later = l.attach("admin", &n, &c, "").expect("attach later");
    assert_ne!(later.stored_path, added[0].stored_path);
    assert_eq!(
        l.attachment_content(added[0].id).expect("first").1,
        b"jpeg one"
    );
}

#[test]
fn one_bad_file_adds_none_of_them() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    let good = photo(desk.path(), "现场.jpg", b"ok");

    for bad in [desk.path().join("不存在.jpg"), desk.path().to_path_buf()] {
        let e = l
            .attach_all("admin", &n, &[good.clone(), bad], "")
            .expect_err("refused");
        assert!(
            matches!(e, LedgerError::Invalid { field: "file", .. }),
            "{e:?}"
        );
    }
    let long_note = "备".repeat(201);
    let e = l
        .attach_all("admin", &n, &[good], &long_note)
        .expect_err("note");
    assert!(
        matches!(e, LedgerError::Invalid { field: "note", .. }),
        "{e:?}"
    );

    assert!(l.case_file(&n).expect("file").attachments.is_empty());
    let folder = data.path().join("attachments").join(&n);
    let left = std::fs::read_dir(&folder).map_or(0, |d| d.count());
    assert_eq!(left, 0, "no copy left behind in {}", folder.display());
}

#[test]
fn an_attachment_opened_elsewhere_is_a_logged_copy() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let temp = tempfile::tempdir().expect("temp");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    let scan = photo(desk.path(), "签认单扫描.pdf", b"%PDF-1.7 scan");
    let a = l.attach("admin", &n, &scan, "").expect("attach");

    let copy = l.open_attachment("admin", a.id, temp.path()).expect("open");
    assert!(copy.starts_with(temp.path()));
    // A viewer that saves over its copy leaves the ledger's file as it was.
    std::fs::write(&copy, b"edited").expect("viewer saves");
    assert_eq!(
        l.attachment_content(a.id).expect("content").1,
        b"%PDF-1.7 scan"
    );

    let log = l
        .access_log("admin", &AccessFilter::default(), Lang::ZhCn)
        .expect("log");
    let opened = log
        .rows
        .iter()
        .find(|e| e.action == "open_attachment")
        .expect("logged");
    assert_eq!(opened.subject, n);
    assert_eq!(opened.detail, "签认单扫描.pdf");

    // A file gone from the data directory says so, by name.
    std::fs::remove_file(data.path().join(&a.stored_path)).expect("lost");
    let e = l.attachment_content(a.id).expect_err("missing");
    assert!(
        matches!(
            e,
            LedgerError::Invalid {
                field: "attachment",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("签认单扫描.pdf"), "{e}");
}

#[test]
fn a_long_file_name_is_shortened_but_keeps_what_kind_of_file_it_is() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let temp = tempfile::tempdir().expect("temp");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    // 80 characters before the extension, as a chat program names a forwarded file.
    let long = format!(
        "{}.pdf",
        "三栋一单元业主发来的维修申请及现场照片".repeat(4) + "签认单扫"
    );
    let scan = photo(desk.path(), &long, b"%PDF-1.7 scan");
    let a = l.attach("admin", &n, &scan, "").expect("attach");
    assert_eq!(a.file_name, long, "the name as the clerk knows it is kept");
    assert!(a.stored_path.ends_with(".pdf"), "{}", a.stored_path);

    // The computer's viewer is handed a copy it knows to be a PDF.
    let copy = l.open_attachment("admin", a.id, temp.path()).expect("open");
    assert_eq!(
        copy.extension().and_then(|e| e.to_str()),
        Some("pdf"),
        "{copy:?}"
    );
    assert_eq!(std::fs::read(&copy).expect("copy"), b"%PDF-1.7 scan");
}

#[test]
fn the_timeline_names_each_file_attached_in_the_clerks_language() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    let p = photo(desk.path(), "漏水点.jpg", b"jpeg");
    l.attach("admin", &n, &p, "楼下拍摄").expect("attach");
    for (lang, field) in [
        (Lang::ZhCn, "附件"),
        (Lang::ZhTw, "附件"),
        (Lang::En, "Attachment"),
    ] {
        let mut file = l.case_file(&n).expect("file");
        l.history_words(lang).expect("words").word_file(&mut file);
        let entry = file
            .history
            .iter()
            .find(|h| h.action == "attach")
            .expect("entry");
        let lines = serde_json::to_string(&entry).expect("json");
        assert!(
            lines.contains(field) && lines.contains("漏水点.jpg"),
            "{lang:?}: {lines}"
        );
    }
}

#[test]
fn a_photo_added_by_mistake_is_withdrawn_with_its_reason_and_kept() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let n = l.register("admin", &complaint()).expect("register").number;
    let wrong = photo(desk.path(), "别家门牌.jpg", b"someone else");
    let a = l.attach("admin", &n, &wrong, "").expect("attach");

    let e = l
        .withdraw_attachment("admin", a.id, " ")
        .expect_err("a reason");
    assert!(
        matches!(
            e,
            LedgerError::Invalid {
                field: "reason",
                ..
            }
        ),
        "{e:?}"
    );
    let w = l
        .withdraw_attachment("admin", a.id, "传错了，是另一户的照片")
        .expect("withdraw");
    assert_eq!(w.withdrawn_by.as_deref(), Some("管理员"));
    assert!(w.withdrawn_at.is_some());

    // Not shown or handed out any more, but nothing is deleted.
    let e = l.attachment_content(a.id).expect_err("withdrawn");
    assert!(e.localized(Lang::ZhCn).contains("别家门牌.jpg"), "{e:?}");
    assert!(
        data.path().join(&a.stored_path).is_file(),
        "the file is kept"
    );
    let file = l.case_file(&n).expect("file");
    assert_eq!(file.attachments.len(), 1, "the row is kept");
    let h = file
        .history
        .iter()
        .find(|h| h.action == "withdraw_attachment")
        .expect("history");
    assert_eq!(h.reason, "传错了，是另一户的照片");
    assert!(
        l.withdraw_attachment("admin", a.id, "再撤一次").is_err(),
        "once"
    );
    let deleted = l
        .connection()
        .execute("DELETE FROM attachments WHERE id = ?1", [a.id]);
    assert!(
        deleted.is_err(),
        "attachments cannot be deleted even with SQL"
    );
}

#[test]
fn a_complaint_registered_with_its_photos_has_them_from_the_start() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let a = photo(desk.path(), "微信图片_1.jpg", b"first");
    let b = photo(desk.path(), "微信图片_2.jpg", b"second");
    let input = desk_ledger::NewCase {
        attachments: vec![a.display().to_string(), b.display().to_string()],
        ..complaint()
    };

    let n = l.register("admin", &input).expect("register").number;
    let file = l.case_file(&n).expect("file");
    let names: Vec<_> = file
        .attachments
        .iter()
        .map(|x| x.file_name.as_str())
        .collect();
    assert_eq!(names, ["微信图片_1.jpg", "微信图片_2.jpg"]);
    assert_eq!(
        l.attachment_content(file.attachments[1].id)
            .expect("bytes")
            .1,
        b"second"
    );
    // The timeline reads: registered, then each photo it came with.
    let actions: Vec<_> = file.history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "attach").count(),
        2,
        "{actions:?}"
    );
    assert!(actions.contains(&"register"), "{actions:?}");
}

#[test]
fn a_registration_refused_keeps_neither_the_case_nor_its_photos() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let mut l = common::office_in(data.path());
    let good = photo(desk.path(), "现场.jpg", b"ok");
    let next = |l: &mut Ledger| l.register("admin", &complaint()).expect("register").number;

    // A file gone since it was picked: refused by name before anything is written.
    let gone = desk.path().join("已删除.jpg");
    let input = desk_ledger::NewCase {
        attachments: vec![good.display().to_string(), gone.display().to_string()],
        ..complaint()
    };
    let e = l.register("admin", &input).expect_err("refused");
    assert!(
        matches!(e, LedgerError::Invalid { field: "file", .. }),
        "{e:?}"
    );
    // Said as what happened and what to do, not as an unknown value.
    let said = e.localized(Lang::ZhCn);
    assert!(
        said.contains("“已删除.jpg”已不在选取时的位置") && said.contains("重新添加"),
        "{said}"
    );

    // A copy that fails half-way (the second file's place is taken by a folder): the
    // first copy is taken away again and the case number is not used up. The number
    // the office would give is learned from a twin office on the same clock.
    let twin = tempfile::tempdir().expect("twin");
    let number = next(&mut common::office_in(twin.path()));
    let blocked = data
        .path()
        .join("attachments")
        .join(&number)
        .join("2-b.jpg");
    std::fs::create_dir_all(&blocked).expect("block");
    let b = photo(desk.path(), "b.jpg", b"second");
    let input = desk_ledger::NewCase {
        attachments: vec![good.display().to_string(), b.display().to_string()],
        ..complaint()
    };
    l.register("admin", &input).expect_err("the copy fails");
    let folder = data.path().join("attachments").join(&number);
    assert!(
        !folder.join("1-现场.jpg").exists(),
        "the first copy is removed again"
    );
    assert!(l.case(&number).is_err(), "nothing registered");
    assert_eq!(next(&mut l), number, "the number is still free");
}

#[test]
fn a_supervisor_can_open_a_withdrawn_attachment_and_it_is_logged() {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desktop");
    let temp = tempfile::tempdir().expect("temp");
    let mut l = common::office_in(data.path());
    l.add_staff("admin", "zl", "张丽", "clerk").expect("clerk");
    let n = l.register("zl", &complaint()).expect("register").number;
    let wrong = photo(desk.path(), "别家门牌.jpg", b"someone else");
    let a = l.attach("zl", &n, &wrong, "").expect("attach");
    l.withdraw_attachment("zl", a.id, "传错了")
        .expect("withdraw");

    // The clerk who withdrew it cannot open it again; the supervisor checking why can.
    let e = l
        .open_attachment("zl", a.id, temp.path())
        .expect_err("clerk");
    assert!(e.localized(Lang::ZhCn).contains("别家门牌.jpg"), "{e:?}");
    let copy = l
        .open_attachment("admin", a.id, temp.path())
        .expect("supervisor");
    assert_eq!(std::fs::read(copy).expect("copy"), b"someone else");
    let log = l
        .access_log("admin", &AccessFilter::default(), Lang::ZhCn)
        .expect("log");
    let entry = log
        .rows
        .iter()
        .find(|e| e.action == "open_withdrawn_attachment")
        .expect("logged");
    assert_eq!(
        (entry.subject.as_str(), entry.detail.as_str()),
        (n.as_str(), "别家门牌.jpg")
    );
    assert_eq!(entry.staff_code, "admin");
}
