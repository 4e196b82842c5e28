const { serverProject } = require('../../jest.shared');

module.exports = serverProject('worker', __dirname);
