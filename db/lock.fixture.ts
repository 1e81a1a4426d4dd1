/** Test fixture: a separate process that takes the database lock and waits to be killed. */
import { acquireDatabaseLock } from "./lock";

acquireDatabaseLock(process.argv[2]!);
console.log("locked");
setInterval(() => {}, 1000);
