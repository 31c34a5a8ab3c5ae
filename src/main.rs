fn main() -> std::process::ExitCode {
    okrlint::cli::main()
}
