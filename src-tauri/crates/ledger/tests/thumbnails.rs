//! The 附件 list's thumbnails: small, upright, made once from the stored photo and made
//! again when that changes; refused for what is not a picture or was withdrawn.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use desk_ledger::{preview_of, Lang, Ledger, PREVIEW_PX, THUMBNAILS_DIR, THUMBNAIL_PX};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

mod common;
use common::complaint;

/// An office's data directory, a desktop to attach from, and its ledger.
fn office() -> (tempfile::TempDir, tempfile::TempDir, Ledger) {
    let data = tempfile::tempdir().expect("data");
    let desk = tempfile::tempdir().expect("desk");
    let l = common::office_in(data.path());
    (data, desk, l)
}

/// A landscape photo as a phone saves it: the left half red, the right half blue.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 30, 30])
        } else {
            Rgb([30, 30, 220])
        }
    });
    encode(DynamicImage::ImageRgb8(picture), ImageFormat::Jpeg)
}

fn encode(picture: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), format)
        .expect("encode");
    out
}

/// `jpeg` with an EXIF block saying the camera was turned a quarter clockwise
/// (orientation 6), as a phone held upright writes it.
fn turned_a_quarter(jpeg: &[u8]) -> Vec<u8> {
    let tiff: &[u8] = &[
        b'M', b'M', 0, 42, 0, 0, 0, 8, // big-endian header, first directory at 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation, SHORT, 1, value 6
        0, 0, 0, 0, // no next directory
    ];
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn attach(l: &mut Ledger, desk: &Path, name: &str, bytes: &[u8]) -> (String, i64) {
    let number = l.register("admin", &complaint()).expect("register").number;
    let file = desk.join(name);
    std::fs::write(&file, bytes).expect("write");
    let a = l.attach("admin", &number, &file, "").expect("attach");
    (number, a.id)
}

fn decoded(bytes: &[u8]) -> DynamicImage {
    image::load_from_memory_with_format(bytes, ImageFormat::Jpeg).expect("a JPEG thumbnail")
}

fn kept(data: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                walk(&e.path(), out);
            } else {
                out.push(e.path());
            }
        }
    }
    let mut out = Vec::new();
    walk(&data.join(THUMBNAILS_DIR), &mut out);
    out
}

#[test]
fn a_large_photo_is_listed_as_a_small_thumbnail_made_once() {
    let (data, desk, mut l) = office();
    let original = photo(2000, 1000);
    // A chat program's long file name: its stored copy is near the file system's limit.
    let name = format!(
        "{}.jpg",
        "业主发来的客厅天花板渗水照片"
            .repeat(6)
            .chars()
            .take(80)
            .collect::<String>()
    );
    let (number, id) = attach(&mut l, desk.path(), &name, &original);

    let thumb = l.attachment_thumbnail(id).expect("thumbnail");
    let small = decoded(&thumb);
    assert_eq!(
        (small.width(), small.height()),
        (THUMBNAIL_PX, THUMBNAIL_PX / 2)
    );
    assert!(
        thumb.len() * 10 < original.len(),
        "{} of {}",
        thumb.len(),
        original.len()
    );
    // Still the same picture: red on the left, blue on the right.
    let rgb = small.to_rgb8();
    assert!(rgb.get_pixel(10, 60).0[0] > 180 && rgb.get_pixel(230, 60).0[2] > 180);

    // Kept in the data directory and handed out from there the next time.
    let files = kept(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].parent().is_some_and(|f| f.ends_with(&number)),
        "{files:?}"
    );
    let marker = encode(
        DynamicImage::ImageRgb8(RgbImage::new(8, 8)),
        ImageFormat::Jpeg,
    );
    std::fs::write(&files[0], &marker).expect("mark");
    assert_eq!(l.attachment_thumbnail(id).expect("again"), marker);

    // Gone (the folder tidied by hand): made again from the stored photo.
    std::fs::remove_dir_all(data.path().join(THUMBNAILS_DIR)).expect("tidy");
    assert_eq!(
        decoded(&l.attachment_thumbnail(id).expect("remade")).width(),
        THUMBNAIL_PX
    );
}

#[test]
fn a_thumbnail_is_made_again_when_the_stored_photo_is_newer() {
    let (data, desk, mut l) = office();
    let (_, id) = attach(&mut l, desk.path(), "客厅.jpg", &photo(400, 200));
    l.attachment_thumbnail(id).expect("thumbnail");
    // A kept thumbnail from before the stored photo was last written is not used.
    let thumb = kept(data.path()).remove(0);
    std::fs::write(&thumb, b"not kept").expect("spoil");
    let long_ago =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&thumb)
        .and_then(|f| f.set_modified(long_ago))
        .expect("age the thumbnail");
    assert_eq!(
        decoded(&l.attachment_thumbnail(id).expect("remade")).width(),
        THUMBNAIL_PX
    );
}

#[test]
fn a_photo_taken_with_the_phone_upright_has_an_upright_thumbnail() {
    let (_data, desk, mut l) = office();
    // Stored 400×200 by the camera, to be seen turned: 200 wide, 400 tall.
    let (_, id) = attach(
        &mut l,
        desk.path(),
        "IMG_0001.jpg",
        &turned_a_quarter(&photo(400, 200)),
    );
    let small = decoded(&l.attachment_thumbnail(id).expect("thumbnail"));
    assert_eq!(
        (small.width(), small.height()),
        (THUMBNAIL_PX / 2, THUMBNAIL_PX)
    );
    // Turned clockwise, the photo's left (red) half is now the top.
    let rgb = small.to_rgb8();
    assert!(
        rgb.get_pixel(60, 10).0[0] > 180,
        "{:?}",
        rgb.get_pixel(60, 10)
    );
    assert!(
        rgb.get_pixel(60, 230).0[2] > 180,
        "{:?}",
        rgb.get_pixel(60, 230)
    );
}

#[test]
fn the_clear_parts_of_a_screenshot_show_on_white() {
    let (_data, desk, mut l) = office();
    // Clear everywhere (hiding black) but a solid green square in the middle.
    let picture = RgbaImage::from_fn(300, 300, |x, y| {
        if (100..200).contains(&x) && (100..200).contains(&y) {
            Rgba([0, 200, 0, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let png = encode(DynamicImage::ImageRgba8(picture), ImageFormat::Png);
    let (_, id) = attach(&mut l, desk.path(), "聊天截图.png", &png);
    let rgb = decoded(&l.attachment_thumbnail(id).expect("thumbnail")).to_rgb8();
    assert!(
        rgb.get_pixel(5, 5).0.iter().all(|&c| c > 240),
        "{:?}",
        rgb.get_pixel(5, 5)
    );
    let middle = rgb.get_pixel(120, 120).0;
    assert!(middle[1] > 160 && middle[0] < 60, "{middle:?}");
}

#[test]
fn what_is_not_a_picture_or_was_withdrawn_has_no_thumbnail() {
    let (data, desk, mut l) = office();
    let (_, id) = attach(
        &mut l,
        desk.path(),
        "坏照片.jpg",
        b"only the name is a jpeg",
    );
    let e = l.attachment_thumbnail(id).expect_err("not a picture");
    let said = e.localized(Lang::ZhCn);
    assert!(
        said.contains("坏照片.jpg") && said.contains("图片"),
        "{said}"
    );
    assert!(kept(data.path()).is_empty(), "nothing kept for it");

    let (_, id) = attach(&mut l, desk.path(), "别家的.jpg", &photo(400, 200));
    l.withdraw_attachment("admin", id, "传错了")
        .expect("withdraw");
    let e = l.attachment_thumbnail(id).expect_err("withdrawn");
    assert!(
        e.localized(Lang::ZhCn).contains("撤回"),
        "{}",
        e.localized(Lang::ZhCn)
    );
}

#[test]
fn a_photo_picked_for_a_registration_is_previewed_before_it_is_saved() {
    let (data, desk, _l) = office();
    let file = desk.path().join("微信图片_20261203.jpg");
    std::fs::write(&file, turned_a_quarter(&photo(400, 200))).expect("write");
    let small = decoded(&preview_of(&file, false).expect("preview"));
    assert_eq!(
        (small.width(), small.height()),
        (THUMBNAIL_PX / 2, THUMBNAIL_PX)
    );
    assert!(
        kept(data.path()).is_empty(),
        "nothing kept before it is saved"
    );

    // Opened large to look closer: a phone photo comes back screen-sized, upright, and
    // one already smaller is not blown up.
    std::fs::write(&file, turned_a_quarter(&photo(4000, 2000))).expect("write");
    let large = decoded(&preview_of(&file, true).expect("large"));
    assert_eq!(
        (large.width(), large.height()),
        (PREVIEW_PX / 2, PREVIEW_PX)
    );
    std::fs::write(&file, photo(400, 200)).expect("write");
    let large = decoded(&preview_of(&file, true).expect("large"));
    assert_eq!((large.width(), large.height()), (400, 200));
    assert!(
        kept(data.path()).is_empty(),
        "nothing kept for those either"
    );

    std::fs::write(&file, b"not a photo").expect("spoil");
    let e = preview_of(&file, false).expect_err("not a picture");
    assert!(
        e.localized(Lang::ZhCn).contains("微信图片_20261203.jpg"),
        "{e:?}"
    );
    std::fs::remove_file(&file).expect("moved away");
    let e = preview_of(&file, false).expect_err("gone");
    assert_eq!(e.field(), Some("file"), "{e:?}");
}

#[test]
fn a_withdrawn_photo_leaves_no_thumbnail_behind() {
    let (data, desk, mut l) = office();
    let (_, wrong) = attach(&mut l, desk.path(), "别家的.jpg", &photo(400, 200));
    let (_, right) = attach(&mut l, desk.path(), "客厅.jpg", &photo(400, 200));
    l.attachment_thumbnail(wrong).expect("thumbnail");
    let of_wrong = kept(data.path());
    let kept_right = l.attachment_thumbnail(right).expect("thumbnail");
    assert_eq!(kept(data.path()).len(), 2);

    // Withdrawing another customer's photo takes its small copy away with it.
    l.withdraw_attachment("admin", wrong, "传错了")
        .expect("withdraw");
    let left = kept(data.path());
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!left.contains(&of_wrong[0]), "{left:?}");

    // What an earlier version left (the withdrawn photo's thumbnail, one from a ledger
    // since restored from an older copy, one cut short) goes at the start's sweep.
    std::fs::write(&of_wrong[0], b"left behind").expect("left behind");
    let gone_case = data.path().join(THUMBNAILS_DIR).join("TS-20250101-001");
    std::fs::create_dir_all(&gone_case).expect("folder");
    std::fs::write(gone_case.join("7-20250101090000.jpg"), b"old").expect("old");
    std::fs::write(gone_case.join("7-20250101090000.partial"), b"cut").expect("cut");
    assert_eq!(l.sweep_thumbnails().expect("sweep"), 3);
    assert_eq!(
        kept(data.path()),
        left,
        "the photo in use keeps its thumbnail"
    );
    assert!(!gone_case.exists(), "the emptied folder is gone too");
    assert_eq!(l.attachment_thumbnail(right).expect("again"), kept_right);
    assert_eq!(l.sweep_thumbnails().expect("nothing more"), 0);
}

#[test]
fn restoring_an_older_copy_takes_away_the_thumbnails_it_does_not_know() {
    let (data, desk, mut l) = office();
    let (_, before) = attach(&mut l, desk.path(), "门口.jpg", &photo(400, 200));
    let kept_before = l.attachment_thumbnail(before).expect("thumbnail");
    let copy = l
        .backup_to(&desk_ledger::backup::backup_dir(data.path()), "manual")
        .expect("backup");
    // Another customer's photo, attached after the copy was made, and looked at.
    let (_, after) = attach(&mut l, desk.path(), "别家的.jpg", &photo(300, 300));
    l.attachment_thumbnail(after).expect("thumbnail");
    let of_after: Vec<_> = kept(data.path())
        .into_iter()
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with(&format!("{after}-")))
        })
        .collect();
    assert_eq!(of_after.len(), 1, "{:?}", kept(data.path()));
    drop(l);

    let (info, aside) =
        desk_ledger::backup::restore(data.path(), Path::new(&copy.file)).expect("restore");
    let mut l = Ledger::open(data.path()).expect("reopen");
    l.log_restore(Some("admin"), info, aside.as_deref())
        .expect("log the restore");
    let left = kept(data.path());
    assert_eq!(left.len(), 1, "only the restored photo's: {left:?}");
    assert!(!left.contains(&of_after[0]), "{left:?}");
    assert_eq!(l.attachment_thumbnail(before).expect("again"), kept_before);
}
