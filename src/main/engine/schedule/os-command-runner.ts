import { spawn } from 'node:child_process';

/**
 * Runs the OS scheduler tools (schtasks, systemctl, launchctl). Injected, so tests record the
 * exact commands instead of touching the machine's scheduler.
 */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  run(program: string, args: readonly string[], options?: { interactive?: boolean }): Promise<CommandResult>;
}

/** The real runner: no shell, so no argument is ever re-parsed; interactive commands get the terminal. */
export const processCommandRunner: CommandRunner = {
  run(program, args, options = {}) {
    return new Promise((resolve) => {
      const child = spawn(program, [...args], { shell: false, windowsHide: true, stdio: options.interactive ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => resolve({ code: 127, stdout, stderr: error.message }));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  },
};
