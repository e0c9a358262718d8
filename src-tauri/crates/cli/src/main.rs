//! `complaint-desk-cli`: the Complaint Desk command line without the desktop window.

fn main() -> std::process::ExitCode {
    desk_cli::main(std::env::args_os())
}
