import '../../src/ui/ui.css';
import { start } from '../../src/ui/popup';

void start(document.getElementById('app')!);
