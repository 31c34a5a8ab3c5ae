// Starts `okrlint lsp` for Markdown and .okr files and restarts it when its path changes.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("okrlint.path")) {
        await stop();
        await start();
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const command = vscode.workspace.getConfiguration("okrlint").get<string>("path", "okrlint");
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "okr" },
      { scheme: "untitled", language: "markdown" },
    ],
    synchronize: {
      // okrlint reads okrlint.toml for each document; tell it when one changes.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{okrlint.toml,.okrlint.toml}"),
    },
  };
  client = new LanguageClient("okrlint", "okrlint", serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
