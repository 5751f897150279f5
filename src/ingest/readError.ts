/**
 * What DuckDB says when it cannot read a file, fit for a message to the user: its first line
 * (the rest is advice on reader options the user has no way to set), without the file's full
 * path (the message names the file already) and without the record it quotes: a JSON transform
 * error prints the object, ids and names included, and ids must never reach a message.
 */
export function readErrorReason(message: string): string {
  return message.split('\n')[0]
    .replace(/^(Invalid Input|Conversion|Binder|IO|Parser) Error: /, '')
    .replace(/ in file "[^"]*"/g, '')
    .replace(/record\/value (\d+)/g, 'record $1')
    // "Object {...}" or "Array [...]", cut with an ellipsis or whole, up to what is said of it.
    .replace(/(Object|Array) [{[].*?(\.\.\.|[}\]])(?= has | is |: |$)/g, 'the record')
    .slice(0, 300);
}
