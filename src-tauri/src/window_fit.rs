//! The window's first size and place. The configured 1360 × 860 is taller than the
//! commonest office screen (1366 × 768, less the taskbar): centred there, its top and
//! the messages shown at the top fell above the screen's edge. The window is fitted to
//! the monitor's work area instead, and never placed above or left of it.

use tauri::{PhysicalPosition, PhysicalSize, WebviewWindow};

/// A rectangle in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

/// Where the window's content goes: `wanted` (the configured inner size) shrunk to what
/// the work area leaves after the frame (`frame`: the title bar and borders the system
/// adds around the content), centred, its top-left inside the work area.
pub fn fitted(work: Rect, wanted: (u32, u32), frame: (u32, u32)) -> Rect {
    let width = wanted.0.min(work.width.saturating_sub(frame.0)).max(1);
    let height = wanted.1.min(work.height.saturating_sub(frame.1)).max(1);
    let spare = |room: u32, used: u32| i32::try_from(room.saturating_sub(used) / 2).unwrap_or(0);
    Rect {
        x: work.x + spare(work.width, width + frame.0),
        y: work.y + spare(work.height, height + frame.1),
        width,
        height,
    }
}

/// Fits the main window to the monitor it opened on (the primary one when unknown).
pub fn fit(window: &WebviewWindow) -> tauri::Result<()> {
    let monitor = match window.current_monitor()? {
        Some(m) => m,
        None => match window.primary_monitor()? {
            Some(m) => m,
            None => return Ok(()),
        },
    };
    let area = monitor.work_area();
    let work = Rect {
        x: area.position.x,
        y: area.position.y,
        width: area.size.width,
        height: area.size.height,
    };
    let inner = window.inner_size()?;
    let outer = window.outer_size()?;
    let frame = (
        outer.width.saturating_sub(inner.width),
        outer.height.saturating_sub(inner.height),
    );
    let place = fitted(work, (inner.width, inner.height), frame);
    if (place.width, place.height) != (inner.width, inner.height) {
        window.set_size(PhysicalSize::new(place.width, place.height))?;
    }
    window.set_position(PhysicalPosition::new(place.x, place.y))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{fitted, Rect};

    const WANTED: (u32, u32) = (1360, 860);

    #[test]
    fn on_a_1366_by_768_screen_with_a_taskbar_the_window_fits_below_its_top_edge() {
        // Windows' taskbar takes 40 px at the bottom; the title bar and borders 16 × 39.
        let work = Rect {
            x: 0,
            y: 0,
            width: 1366,
            height: 728,
        };
        let r = fitted(work, WANTED, (16, 39));
        assert_eq!((r.width, r.height), (1350, 689));
        assert!(r.y >= 0 && r.x >= 0);
        assert!(r.y + (r.height + 39) as i32 <= 728);
        assert!(r.x + (r.width + 16) as i32 <= 1366);
    }

    #[test]
    fn on_a_large_screen_the_configured_size_is_kept_and_centred() {
        let work = Rect {
            x: 0,
            y: 0,
            width: 1920,
            height: 1040,
        };
        let r = fitted(work, WANTED, (0, 0));
        assert_eq!((r.width, r.height), WANTED);
        assert_eq!((r.x, r.y), (280, 90));
    }

    #[test]
    fn a_second_monitor_to_the_right_keeps_the_window_on_it() {
        let work = Rect {
            x: 1920,
            y: 0,
            width: 1366,
            height: 768,
        };
        let r = fitted(work, WANTED, (0, 0));
        assert!(r.x >= 1920 && r.x + r.width as i32 <= 1920 + 1366);
        assert_eq!(r.height, 768);
    }
}
